// alerts (issue 19): the history of raised and cleared alerts; the screen loads when first opened.
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: NotificationsActiveIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list']),
};
