// The e2e page for the agent's <VideoCall> at /agent/:ticketId, as the console mounts it (same
// providers). The customer's /join/:token is the real public build (video-serve.ts).
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, useParams } from 'react-router';
import { Providers } from '../../src/Providers';
// The console's shared styles, as main.tsx loads them for the real pages.
import '../../src/styles.css';
import { VideoCall } from '../../src/video';

function AgentCall() {
  const { ticketId = '' } = useParams();
  return (
    // The desk's width: the call lays itself out on the whole screen (issue 16).
    <main style={{ padding: '1rem' }}>
      <VideoCall ticketId={ticketId} />
    </main>
  );
}

const router = createBrowserRouter([{ path: '/agent/:ticketId', Component: AgentCall }]);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  );
