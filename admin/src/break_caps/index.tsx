// break_caps: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import FreeBreakfastIcon from '@mui/icons-material/FreeBreakfast';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: FreeBreakfastIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
