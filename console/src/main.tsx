import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './Providers';
import { openPublicPage } from './public';
import './styles.css';

// Issue 17: the agent console (its router, login and desk) is downloaded only where it is used.
const ConsoleRouter = lazy(async () => ({ default: (await import('./routes')).ConsoleRouter }));

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
const page = openPublicPage(window.location.pathname);
createRoot(root).render(
  <StrictMode>
    <Providers>
      {/* Nothing to show while the page's code arrives (it is small and local). */}
      <Suspense fallback={null}>{page ?? <ConsoleRouter />}</Suspense>
    </Providers>
  </StrictMode>,
);
