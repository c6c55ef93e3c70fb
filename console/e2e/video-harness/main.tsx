// The e2e page for the video screens: the agent's <VideoCall> at /agent/:ticketId and the
// customer's join route at /join/:token, exactly as the console will mount them.
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../src/i18n';
import { joinRoute as JoinRoute } from '../../src/join';
import { matchParam } from '../../src/router';
import { VideoCall } from '../../src/video';

function Harness() {
  const ticketId = matchParam(window.location.pathname, 'agent');
  return ticketId ? <main style={{ maxWidth: 1100, margin: '1rem auto' }}><VideoCall ticketId={ticketId} /></main> : <JoinRoute />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<I18nProvider><Harness /></I18nProvider>);
