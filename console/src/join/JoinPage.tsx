// `/join/:token`: the customer's anonymous entry to a virtual attention (D10). No login: the
// link's token is the only credential, and it grants that one call while the ticket is live.
// The page goes check → call → left (with a way back in) or ended; the camera and microphone are
// held only while checking or in the call.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useLocalStream } from '../video/useLocalStream';
import '../video/video.css';
import { DeviceCheck } from './DeviceCheck';

// Issue 17: the call's code (the SFU client: most of this page's weight) is not needed to check
// the camera. It is fetched while the customer does, so the check shows sooner on a slow phone.
const loadCall = () => import('./GuestCall');
const GuestCall = lazy(async () => ({ default: (await loadCall()).GuestCall }));

type Phase = 'check' | 'call' | 'left' | 'ended';

export function JoinPage({ token }: { token: string }) {
  const [phase, setPhase] = useState<Phase>('check');
  const local = useLocalStream({ enabled: phase === 'check' || phase === 'call' });
  const onLeave = useCallback(() => setPhase('left'), []);
  const onEnded = useCallback(() => setPhase('ended'), []);
  const { t } = useI18n();
  useEffect(() => {
    loadCall().catch((err: unknown) => console.warn('the call code did not load; joining asks again', err));
  }, []);
  return (
    <main className="vc-join">
      {phase === 'call' ? (
        <Suspense fallback={<p role="status">{t.video.connecting}</p>}>
          <GuestCall guestToken={token} stream={local.stream} onLeave={onLeave} onEnded={onEnded} />
        </Suspense>
      ) : phase === 'left' ? (
        <Over testId="call-left" onRejoin={() => setPhase('check')} />
      ) : phase === 'ended' ? (
        <Over testId="call-ended" />
      ) : (
        <DeviceCheck local={local} onJoin={() => setPhase('call')} />
      )}
    </main>
  );
}

/** After the call: what happened (focused, so it is read), and a way back in when the customer left it. */
function Over({ testId, onRejoin }: { testId: string; onRejoin?(): void }) {
  const { t } = useI18n();
  const said = useRef<HTMLHeadingElement>(null);
  useEffect(() => said.current?.focus(), []);
  return (
    <section className="vc" data-testid={testId}>
      <h1 className="vc-title" tabIndex={-1} ref={said}>
        {onRejoin ? t.video.left : t.video.ended}
      </h1>
      {onRejoin && (
        <p>
          <button type="button" className="vc-primary" onClick={onRejoin}>
            {t.video.rejoin}
          </button>
        </p>
      )}
    </section>
  );
}

/** `/join/:token` in the console's router (the guest link the API hands out). */
export function JoinRoute({ token }: { token: string }) {
  const { t } = useI18n();
  return token ? <JoinPage token={token} /> : <p className="vc-error">{t.video.badLink}</p>;
}
