// departments: the menu's icon now, the screens (a branch-named resource) when one is first opened (issue 17).
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: AccountTreeIcon,
  ...lazyViews(
    async () => (await import('../shared/branchNamed')).branchNamedResource(AccountTreeIcon, { searchable: true }),
    ['list', 'edit', 'create'],
  ),
};
