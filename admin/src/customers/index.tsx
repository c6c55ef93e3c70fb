// customers: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import PeopleIcon from '@mui/icons-material/People';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: PeopleIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
