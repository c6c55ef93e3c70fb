// The public pages' entry (public.html): display, kiosk, status page and the guest's video page.
// Issue 17: built by vite.public.config.ts on Preact through its React-compatible layer, the same
// components as under React in the console: a slow phone downloads and runs a fifth of react-dom.
// The shared styles first: the pages' own (kiosk.css, …) come with public.tsx into the same file
// and must follow them, as they did when each page was a chunk of its own.
import './styles.css';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './Providers';
import { openPublicPage } from './public';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
const page = openPublicPage(window.location.pathname);
/** The longest the first render waits for the page's data: past it, the page's frame shows meanwhile. */
const DATA_WAIT_MS = 1_000;
// The API sends this page for public addresses only; opened by its own name, it leads to the console.
if (!page) window.location.replace('/');
else
  // The data was named in the page's answer and is usually here before this code: the first render
  // shows it, one layout on a slow phone instead of an empty page and then a second (issue 17).
  void Promise.race([page.dataReady, new Promise((ready) => setTimeout(ready, DATA_WAIT_MS))]).then(() =>
    createRoot(root).render(
      <StrictMode>
        <Providers>
          {/* Nothing to show while the guest page's code arrives. */}
          <Suspense fallback={null}>{page.element}</Suspense>
        </Providers>
      </StrictMode>,
    ),
  );
