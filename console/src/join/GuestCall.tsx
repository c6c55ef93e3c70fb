// The customer in the call: the agent's video, own preview, mic/camera, T&C answer and chat.
// Issue 17: until an adviser is in the room the customer is told they are waiting for one; the
// T&C's arrival is announced; a Leave button is always there.
// Issue 16: on a computer the call and the conversation sit side by side, the T&C to answer at
// the top of the conversation, so nothing needs scrolling; on a phone they stack.
import { useCallback, useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import { joinAsGuest } from '../video/call-api';
import { ChatPanel } from '../video/ChatPanel';
import { MediaControls } from '../video/MediaControls';
import { useCall } from '../video/useCall';
import { useFitHeight } from '../video/useFitHeight';
import { useMedia } from '../video/useMedia';
import { VideoStage } from '../video/VideoStage';

export function GuestCall({
  guestToken,
  stream,
  onAgentChanged,
  onLeave,
  onEnded,
}: {
  guestToken: string;
  stream: MediaStream | null;
  /** Another adviser joined the call than the one before (a transfer, D4). */
  onAgentChanged?(): void;
  /** The customer left (the room stays open: they may come back while the attention lasts). */
  onLeave(): void;
  /** The room closed: the attention is over. */
  onEnded(): void;
}) {
  const { t } = useI18n();
  const getGrant = useCallback(() => joinAsGuest(guestToken), [guestToken]);
  const call = useCall(getGrant);
  const media = useMedia(call.client, stream);
  const agent = call.peers.find((p) => p.role === 'agent');
  // An adviser who was here and is gone is being replaced (D4, transfer), not awaited for the first time.
  const hadAgent = useRef(false);
  if (agent) hadAgent.current = true;
  const lastAgent = useRef<string | undefined>(undefined);
  const frame = useRef<HTMLElement>(null);
  useFitHeight(frame);
  useEffect(() => {
    if (!agent || agent.peerId === lastAgent.current) return;
    if (lastAgent.current !== undefined) onAgentChanged?.();
    lastAgent.current = agent.peerId;
  }, [agent, onAgentChanged]);
  useEffect(() => {
    if (call.status === 'ended') onEnded();
  }, [call.status, onEnded]);
  const answer = (accepted: boolean) => {
    const terms = call.terms;
    if (!call.api || !terms) return;
    call.api.answerTerms(terms.termsId, accepted).then(
      () => call.setTerms({ ...terms, accepted }),
      (err: unknown) => console.error('answering the T&C failed', err),
    );
  };
  const termsPending = call.terms !== null && call.terms.accepted === undefined;
  const waiting =
    call.status === 'connecting'
      ? t.video.connecting
      : call.status === 'live' && !agent
        ? hadAgent.current
          ? t.video.transferred
          : t.video.waitingAdviser
        : '';

  const leave = (
    <button type="button" className="vc-danger vc-end" onClick={onLeave}>
      {t.video.leave}
    </button>
  );
  if (call.status === 'error')
    return (
      <section className="vc">
        <p role="alert" className="vc-error">
          {t.video.callError}: {errorText(t, call.failure)}
        </p>
        <p>{leave}</p>
      </section>
    );
  return (
    <section ref={frame} className="vc vc-desk vc-guest" data-testid="video-call" data-status={call.status}>
      <div className="vc-main">
        {/* Live regions stay in the page, so what is put in them is read when it arrives. */}
        <div role="status" data-testid="call-waiting" className="vc-status">
          {waiting && (
            <div className="vc-waiting">
              <p className="vc-waiting-title">{waiting}</p>
              {waiting === t.video.waitingAdviser && <p>{t.video.waitingAdviserHint}</p>}
            </div>
          )}
        </div>
        <p className="sr-only" role="status" data-testid="terms-announce">
          {termsPending ? t.video.termsArrived : ''}
        </p>
        <VideoStage
          remote={call.remote}
          remoteName={agent?.displayName ?? null}
          remoteOff={agent ? call.remoteMedia[agent.peerId] : undefined}
          local={media}
          waiting={<p className="vc-waiting-title">{t.video.waitingAdviser}</p>}
        />
        <MediaControls media={media} canShare={false}>
          {leave}
        </MediaControls>
      </div>
      <div className="vc-side">
        {call.terms && termsPending && (
          <section className="vc-terms-prompt" data-testid="terms-prompt" aria-labelledby="terms-title">
            <h2 id="terms-title">{t.video.termsTitle}</h2>
            <p className="vc-terms-text">{call.terms.text}</p>
            <div className="vc-row">
              <button type="button" onClick={() => answer(true)}>
                {t.video.accept}
              </button>
              <button type="button" onClick={() => answer(false)}>
                {t.video.refuse}
              </button>
            </div>
          </section>
        )}
        <ChatPanel api={call.api} messages={call.messages} onSent={call.addMessage} self="customer" />
      </div>
    </section>
  );
}
