// The agent's side of a virtual attention (section D): opens as the ticket is called (D1),
// waits for the customer, and carries the call's tools. Self-contained: <VideoCall ticketId=… />.
// Issue 16: laid out for a desk screen of 1280×720 and up — the call on the left (the customer
// large, the agent's own picture inset, every control in one bar under it), the conversation on
// the right (chat filling the height, T&C and tags under it), nothing below the fold. One button
// ends the attention: before the customer ever joined it is the no-show, after it the finish.
import { actionsAllowedFrom } from '@domain/ticket-actions';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { LIVE_KEYS, ticketQuery } from '../api/queries';
import { TransferDialog } from '../desk/TransferDialog';
import { useI18n } from '../i18n';
import { codeText, errorText } from '../i18n/errors';
import { TagBox, TermsComposer } from './AgentTools';
import { joinAsAgent } from './call-api';
import { mediaCode } from './media-failure';
import { ChatPanel } from './ChatPanel';
import { GuestLink } from './GuestLink';
import { MediaControls } from './MediaControls';
import { useCall } from './useCall';
import { useFitHeight } from './useFitHeight';
import { useLocalStream } from './useLocalStream';
import { useMedia } from './useMedia';
import { VideoStage } from './VideoStage';
import './video.css';

/** Recorded on the timeline as the no-show's reason, in the branch's language whatever the agent reads. */
const NO_SHOW_REASON = 'El cliente no se conectó a la videollamada';

export type VideoCallProps = {
  ticketId: string;
  /** The attention ended here (finished, no-show or transferred away). */
  onDone?(how: 'finished' | 'no_show' | 'transferred'): void;
};

export function VideoCall({ ticketId, onDone }: VideoCallProps) {
  const { t } = useI18n();
  const client = useQueryClient();
  const getGrant = useCallback(() => joinAsAgent(ticketId), [ticketId]);
  const call = useCall(getGrant);
  const local = useLocalStream();
  const media = useMedia(call.client, local.stream);
  const ticket = useQuery(ticketQuery(ticketId));
  const [transferring, setTransferring] = useState(false);
  const guest = call.peers.find((p) => p.role === 'guest');
  const everJoined = useRef(false);
  const attendAsked = useRef(false);
  const frame = useRef<HTMLElement>(null);
  useFitHeight(frame);

  const attend = useApiMutation(() => api.post(`/tickets/${ticketId}/attend`), { invalidates: LIVE_KEYS });
  const end = useApiMutation(
    (how: 'finished' | 'no_show') =>
      how === 'no_show'
        ? api.post(`/tickets/${ticketId}/no-show`, { reason: NO_SHOW_REASON })
        : api.post(`/tickets/${ticketId}/finish`),
    {
      invalidates: LIVE_KEYS,
      onSuccess: (_, how) => {
        call.leave();
        onDone?.(how);
      },
    },
  );
  // D4: the console's dialog does the transfer; once the ticket waits again the customer stays in the room, we leave it.
  const afterTransfer = useApiMutation(() => client.fetchQuery(ticketQuery(ticketId)), {
    onSuccess: (tk) => {
      if (tk.status !== 'waiting') return;
      call.leave();
      onDone?.('transferred');
    },
  });

  const { mutate: attendNow } = attend;
  // D1 → C2: calling becomes attending when the customer is in the call (the desk offers no
  // "customer arrived" for a virtual ticket: their joining is the arrival).
  const status = call.grant?.ticket.status;
  useEffect(() => {
    if (!guest || attendAsked.current || !status || !actionsAllowedFrom(status).includes('attend')) return;
    attendAsked.current = true;
    attendNow();
  }, [guest, status, attendNow]);
  if (guest) everJoined.current = true;

  const busy = end.isPending;
  const failure = [end, attend, afterTransfer].find((m) => m.message)?.message ?? null;
  if (call.status === 'ended')
    return (
      <section className="vc vc-ended" data-testid="call-ended">
        <p>{t.video.ended}</p>
      </section>
    );
  const live = call.status === 'live';
  return (
    <section ref={frame} className="vc vc-desk" data-testid="video-call" data-status={call.status}>
      <div className="vc-main">
        {call.status === 'error' && (
          <p role="alert" className="vc-error">
            {t.video.callError}: {errorText(t, call.failure)}
          </p>
        )}
        {local.failure !== undefined && (
          <p role="alert" className="vc-error">
            {codeText(t, mediaCode(local.failure) ?? 'unknown')}
          </p>
        )}
        <VideoStage
          remote={call.remote}
          remoteName={guest?.displayName ?? null}
          remoteOff={guest ? call.remoteMedia[guest.peerId] : undefined}
          local={media}
          waiting={
            <div className="vc-waiting" data-testid="waiting-guest">
              <p className="vc-waiting-title">{t.video.waitingCustomer}</p>
              {call.grant?.guestUrl && <GuestLink url={call.grant.guestUrl} />}
            </div>
          }
        />
        <MediaControls media={media} canShare>
          <button type="button" disabled={busy || !ticket.data} onClick={() => setTransferring(true)}>
            {t.video.transfer}
          </button>
          {everJoined.current ? (
            <button
              type="button"
              className="vc-danger vc-end"
              disabled={busy || !live}
              onClick={() => end.mutate('finished')}
            >
              {t.video.end}
            </button>
          ) : (
            <button
              type="button"
              className="vc-danger vc-end"
              disabled={busy || !live}
              onClick={() => end.mutate('no_show')}
            >
              {t.videoDesk.noShow}
            </button>
          )}
        </MediaControls>
        {failure && (
          <p role="alert" className="vc-error">
            {failure}
          </p>
        )}
      </div>
      {transferring && ticket.data && call.grant && (
        <TransferDialog
          ticketId={ticketId}
          number={call.grant.ticket.number}
          branchId={ticket.data.branchId}
          onDone={() => {
            setTransferring(false);
            afterTransfer.mutate();
          }}
        />
      )}
      <aside className="vc-side" aria-label={t.videoDesk.tools}>
        <ChatPanel api={call.api} messages={call.messages} onSent={call.addMessage} self="user" />
        <TermsComposer api={call.api} terms={call.terms} onSent={call.setTerms} />
        <TagBox api={call.api} tags={call.tags} onAdded={call.addTag} />
        {/* Once the customer is in, the link is still at hand (they may drop and come back). */}
        {guest && call.grant?.guestUrl && (
          <details className="vc-link-later">
            <summary>{t.video.link}</summary>
            <GuestLink url={call.grant.guestUrl} />
          </details>
        )}
      </aside>
    </section>
  );
}
