// surveys (issue 20): the menu's icon now, the screen (views.tsx) when first opened (issue 17).
import SentimentSatisfiedAltIcon from '@mui/icons-material/SentimentSatisfiedAlt';
import { lazyViews } from '../shared/lazyViews';

export default {
  icon: SentimentSatisfiedAltIcon,
  ...lazyViews(async () => (await import('./views')).default, ['list']),
};
