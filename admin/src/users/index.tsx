// users: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import PersonIcon from '@mui/icons-material/Person';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: PersonIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
