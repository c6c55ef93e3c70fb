// Routes: public pages (display, kiosk, status, video join) need no login; the rest is the agent
// console. The video pages load on demand (mediasoup is heavy and most screens never need it).
import { lazy, Suspense } from 'react';
import { LoginScreen } from './auth/LoginScreen';
import { SessionProvider, useSession } from './auth/session';
import { TopBar } from './common/TopBar';
import { DeskScreen } from './desk/DeskScreen';
import { ShiftProvider } from './desk/shift';
import { DisplayScreen } from './display/DisplayScreen';
import { useI18n } from './i18n';
import { KioskScreen } from './kiosk/KioskScreen';
import { ProfileScreen } from './profile/ProfileScreen';
import { matchParam, usePath } from './router';
import { StatusScreen } from './status/StatusScreen';
import { TicketsScreen } from './tickets/TicketsScreen';

const JoinRoute = lazy(() => import('./join').then((m) => ({ default: m.JoinRoute })));

const branchParam = (v: string | undefined): number | undefined => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function App() {
  const path = usePath();
  const display = branchParam(matchParam(path, 'display'));
  if (display) return <DisplayScreen branchId={display} />;
  const kiosk = branchParam(matchParam(path, 'kiosk'));
  if (kiosk) return <KioskScreen branchId={kiosk} />;
  const token = matchParam(path, 'status');
  if (token) return <StatusScreen token={token} />;
  if (matchParam(path, 'join')) return <Suspense fallback={null}><JoinRoute /></Suspense>;
  return <SessionProvider><Console path={path} /></SessionProvider>;
}

function Console({ path }: { path: string }) {
  const { user } = useSession();
  const { t } = useI18n();
  if (user === undefined) return <main className="center-page"><p className="muted">{t.app.loading}</p></main>;
  if (user === null) return <LoginScreen />;
  return (
    <ShiftProvider key={user.id}>
      <div className="shell">
        <TopBar path={path} />
        {path === '/tickets' ? <TicketsScreen /> : path === '/profile' ? <ProfileScreen /> : <DeskScreen />}
      </div>
    </ShiftProvider>
  );
}
