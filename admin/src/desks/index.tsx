import DeskIcon from '@mui/icons-material/Desk';
import { branchNamedResource } from '../shared/branchNamed';

export default branchNamedResource(DeskIcon);
