// desks: the menu's icon now, the screens (a branch-named resource) when one is first opened (issue 17).
import DeskIcon from '@mui/icons-material/Desk';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: DeskIcon,
  ...lazyViews(
    async () => (await import('../shared/branchNamed')).branchNamedResource(DeskIcon),
    ['list', 'edit', 'create'],
  ),
};
