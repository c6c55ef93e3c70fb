// alert_rules (issue 19): alert thresholds; the screens load when first opened.
import TuneIcon from '@mui/icons-material/Tune';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: TuneIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
