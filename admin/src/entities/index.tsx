// entities: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: CorporateFareIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit']),
};
