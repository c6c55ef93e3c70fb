// service_assignments: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: AssignmentIndIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list', 'edit', 'create']),
};
