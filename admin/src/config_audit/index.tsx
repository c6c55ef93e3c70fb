// config_audit: the menu's icon now, the screen (views.tsx) when first opened (issue 17).
import HistoryIcon from '@mui/icons-material/History';
import { lazyViews } from '../shared/lazyViews';

export default { icon: HistoryIcon, ...lazyViews(async () => (await import('./views')).default, ['list']) };
