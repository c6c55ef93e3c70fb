// The agent console: the login until someone is signed in, then the top bar over the page the
// route chose. The staff socket lives here, so it is open exactly while someone is signed in.
import { Outlet } from 'react-router';
import { LoginScreen } from './auth/LoginScreen';
import { useSession } from './auth/session';
import { CONTENT_ID, SkipLink } from './common/SkipLink';
import { TopBar } from './common/TopBar';
import { useI18n } from './i18n';
import { useStaffEvents } from './realtime/useSocket';

export function App() {
  const { user } = useSession();
  const { t } = useI18n();
  if (user === undefined)
    return (
      <main className="center-page">
        <p className="muted">{t.app.loading}</p>
      </main>
    );
  if (user === null) return <LoginScreen />;
  return <Shell key={user.id} />;
}

function Shell() {
  useStaffEvents();
  return (
    <div className="shell">
      <SkipLink />
      <TopBar />
      <div id={CONTENT_ID} className="shell-body" tabIndex={-1}>
        <Outlet />
      </div>
    </div>
  );
}
