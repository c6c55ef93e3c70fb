// tickets: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: ConfirmationNumberIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'create', 'show']),
};
