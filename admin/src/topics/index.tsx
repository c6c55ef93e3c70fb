// topics: the menu's icon now, the screens (views.tsx) when one is first opened (issue 17).
import LabelIcon from '@mui/icons-material/Label';
import { lazyViews } from '../shared/lazyViews';

export default { icon: LabelIcon, ...lazyViews(async () => (await import('./views')).default, ['list', 'edit']) };
