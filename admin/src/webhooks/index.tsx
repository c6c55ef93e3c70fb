// webhooks: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import WebhookIcon from '@mui/icons-material/Webhook';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: WebhookIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
