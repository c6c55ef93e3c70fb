// services: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import RoomServiceIcon from '@mui/icons-material/RoomService';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: RoomServiceIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
