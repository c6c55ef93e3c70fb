// The e2e page for the video screens: the agent's <VideoCall> at /agent/:ticketId and the
// customer's join route at /join/:token, exactly as the console mounts them (same providers).
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, useParams } from 'react-router';
import { JoinRoute } from '../../src/join';
import { Providers } from '../../src/Providers';
// The console's shared styles, as main.tsx loads them for the real pages.
import '../../src/styles.css';
import { VideoCall } from '../../src/video';

function AgentCall() {
  const { ticketId = '' } = useParams();
  return (
    <main style={{ maxWidth: 1100, margin: '1rem auto' }}>
      <VideoCall ticketId={ticketId} />
    </main>
  );
}

function GuestJoin() {
  const { token = '' } = useParams();
  return <JoinRoute token={token} />;
}

const router = createBrowserRouter([
  { path: '/agent/:ticketId', Component: AgentCall },
  { path: '/join/:token', Component: GuestJoin },
]);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  );
