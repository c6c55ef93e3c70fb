// priorities: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: PriorityHighIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
