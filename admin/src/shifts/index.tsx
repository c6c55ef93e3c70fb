// shifts: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import ScheduleIcon from '@mui/icons-material/Schedule';
import { lazyViews } from '../shared/lazyViews';

export default { icon: ScheduleIcon, ...lazyViews(async () => (await import('./views')).default, ['list', 'show']) };
