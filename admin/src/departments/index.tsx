import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { branchNamedResource } from '../shared/branchNamed';

export default branchNamedResource(AccountTreeIcon, { searchable: true });
