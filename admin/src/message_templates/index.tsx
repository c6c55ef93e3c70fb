// message_templates (issue 20): the menu's icon now, the screens (views.tsx) when first opened.
import EditNoteIcon from '@mui/icons-material/EditNote';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: EditNoteIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
