// The customer in the call: the agent's video, own preview, mic/camera, T&C answer and chat.
// Issue 17: until an adviser is in the room the customer is told they are waiting for one; the
// T&C's arrival is announced; a Leave button is always there.
import { useCallback, useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import { joinAsGuest } from '../video/call-api';
import { ChatPanel } from '../video/ChatPanel';
import { MediaControls } from '../video/MediaControls';
import { useCall } from '../video/useCall';
import { useMedia } from '../video/useMedia';
import { VideoTile } from '../video/VideoTile';

export function GuestCall({
  guestToken,
  stream,
  onLeave,
  onEnded,
}: {
  guestToken: string;
  stream: MediaStream | null;
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
    <button type="button" className="vc-danger" onClick={onLeave}>
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
    <section className="vc" data-testid="video-call" data-status={call.status}>
      {/* Live regions stay in the page, so what is put in them is read when it arrives. */}
      <div role="status" data-testid="call-waiting">
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
      <div className="vc-stage">
        <VideoTile stream={call.remote} label={agent?.displayName ?? t.video.waitingAdviser} testId="remote-video" />
        <VideoTile
          stream={media.stream}
          label={(media.stream?.getVideoTracks().length ?? 0) > 0 ? t.video.you : t.video.youAudioOnly}
          muted
          testId="local-video"
        />
      </div>
      <MediaControls media={media} canShare={false}>
        {leave}
      </MediaControls>
      {call.terms && termsPending && (
        <section className="vc-terms-prompt" data-testid="terms-prompt" aria-labelledby="terms-title">
          <h2 id="terms-title">{t.video.termsTitle}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{call.terms.text}</p>
          <button type="button" onClick={() => answer(true)}>
            {t.video.accept}
          </button>{' '}
          <button type="button" onClick={() => answer(false)}>
            {t.video.refuse}
          </button>
        </section>
      )}
      <div className="vc-side">
        <ChatPanel api={call.api} messages={call.messages} onSent={call.addMessage} self="customer" />
      </div>
    </section>
  );
}
