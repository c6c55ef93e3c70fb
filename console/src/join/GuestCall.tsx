// The customer in the call: the agent's video, own preview, mic/camera, T&C answer and chat.
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import { joinAsGuest } from '../video/call-api';
import { ChatPanel } from '../video/ChatPanel';
import { MediaControls } from '../video/MediaControls';
import { useCall } from '../video/useCall';
import { useMedia } from '../video/useMedia';
import { VideoTile } from '../video/VideoTile';

export function GuestCall({ guestToken, stream }: { guestToken: string; stream: MediaStream }) {
  const { t } = useI18n();
  const getGrant = useCallback(() => joinAsGuest(guestToken), [guestToken]);
  const call = useCall(getGrant);
  const media = useMedia(call.client, stream);
  const agent = call.peers.find((p) => p.role === 'agent');
  const answer = (accepted: boolean) => {
    const terms = call.terms;
    if (!call.api || !terms) return;
    call.api.answerTerms(terms.termsId, accepted).then(
      () => call.setTerms({ ...terms, accepted }),
      (err: unknown) => console.error('answering the T&C failed', err),
    );
  };

  if (call.status === 'ended')
    return (
      <section className="vc" data-testid="call-ended">
        <p>{t.video.ended}</p>
      </section>
    );
  if (call.status === 'error')
    return (
      <p role="alert" className="vc-error">
        {t.video.callError}: {errorText(t, call.failure)}
      </p>
    );
  return (
    <section className="vc" data-testid="video-call" data-status={call.status}>
      <div className="vc-stage">
        <VideoTile stream={call.remote} label={agent?.displayName ?? t.video.transferred} testId="remote-video" />
        <VideoTile stream={media.stream} label={t.video.you} muted testId="local-video" />
      </div>
      <MediaControls media={media} canShare={false} />
      {call.terms && call.terms.accepted === undefined && (
        <section className="vc-terms-prompt" data-testid="terms-prompt">
          <h3>{t.video.termsTitle}</h3>
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
