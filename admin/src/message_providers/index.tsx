// message_providers (issue 20): the menu's icon now, the screens (views.tsx) when first opened.
import SmsIcon from '@mui/icons-material/Sms';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: SmsIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
