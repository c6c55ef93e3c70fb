// messages (issue 20): the outbox — the menu's icon now, the screens (views.tsx) when first opened.
import OutboxIcon from '@mui/icons-material/Outbox';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: OutboxIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list']),
};
