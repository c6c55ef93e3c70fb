// `/join/:token`: the customer's anonymous entry to a virtual attention (D10). No login: the
// link's token is the only credential, and it grants that one call while the ticket is live.
// The page goes check → call → left (with a way back in) or ended; the camera and microphone are
// held only while checking or in the call.
// Issue 16: the link's join answer is asked for first. It brands the page (entity, ticket,
// agent), and a link whose call is over says so at once, without asking for the camera.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n';
import { joinAsGuest } from '../video/call-api';
import { useLocalStream } from '../video/useLocalStream';
import '../video/video.css';
import { DeviceCheck } from './DeviceCheck';
import { GuestBrand } from './GuestBrand';

// Issue 17: the call's code (the SFU client: most of this page's weight) is not needed to check
// the camera. It is fetched while the customer does, so the check shows sooner on a slow phone.
const loadCall = () => import('./GuestCall');
const GuestCall = lazy(async () => ({ default: (await loadCall()).GuestCall }));

type Phase = 'check' | 'call' | 'left' | 'ended';
/** Refusals that mean the link will never open a call again. */
const OVER = new Set(['CallEnded', 'LinkInvalid']);

export function JoinPage({ token }: { token: string }) {
  const [phase, setPhase] = useState<Phase>('check');
  const intro = useQuery({
    queryKey: ['video', 'guest-join', token],
    queryFn: () => joinAsGuest(token),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const over = intro.error instanceof ApiError && OVER.has(intro.error.code);
  const shown: Phase = over ? 'ended' : phase;
  const local = useLocalStream({
    enabled: shown === 'call' || (shown === 'check' && !intro.isPending),
  });
  const onLeave = useCallback(() => setPhase('left'), []);
  const onEnded = useCallback(() => setPhase('ended'), []);
  const { t } = useI18n();
  useEffect(() => {
    loadCall().catch((err: unknown) => console.warn('the call code did not load; joining asks again', err));
  }, []);
  return (
    <main className="vc-join" data-phase={shown}>
      <GuestBrand grant={intro.data} />
      {shown === 'call' ? (
        <Suspense fallback={<p role="status">{t.video.connecting}</p>}>
          <GuestCall
            guestToken={token}
            stream={local.stream}
            // Another agent took the call (D4): the answer names them.
            onAgentChanged={() => void intro.refetch()}
            onLeave={onLeave}
            onEnded={onEnded}
          />
        </Suspense>
      ) : shown === 'left' ? (
        <Over
          testId="call-left"
          onRejoin={() => {
            void intro.refetch();
            setPhase('check');
          }}
        />
      ) : shown === 'ended' ? (
        <Over testId="call-ended" badLink={over && (intro.error as ApiError).code === 'LinkInvalid'} />
      ) : (
        <DeviceCheck local={local} onJoin={() => setPhase('call')} />
      )}
    </main>
  );
}

/** After the call: what happened (focused, so it is read), and a way back in when the customer left it. */
function Over({ testId, onRejoin, badLink }: { testId: string; onRejoin?(): void; badLink?: boolean }) {
  const { t } = useI18n();
  const said = useRef<HTMLHeadingElement>(null);
  useEffect(() => said.current?.focus(), []);
  return (
    <section className="vc vc-over" data-testid={testId}>
      <h1 className="vc-title" tabIndex={-1} ref={said}>
        {onRejoin ? t.video.left : badLink ? t.video.badLink : t.video.ended}
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
