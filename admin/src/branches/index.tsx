// branches: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import StoreIcon from '@mui/icons-material/Store';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: StoreIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
