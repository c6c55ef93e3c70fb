// The agent's side of a virtual attention (section D): opens as the ticket is called (D1),
// waits for the customer, and carries the call's tools. Self-contained: <VideoCall ticketId=… />.
import { actionsAllowedFrom } from '@domain/ticket-actions';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
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
import { useLocalStream } from './useLocalStream';
import { useMedia } from './useMedia';
import { VideoTile } from './VideoTile';
import './video.css';

/** Recorded on the timeline as the cancel's reason, in the branch's language whatever the agent reads. */
const NO_SHOW_REASON = 'El cliente no se conectó a la videollamada';

export type VideoCallProps = {
  ticketId: string;
  /** The attention ended here (finished, cancelled or transferred away). */
  onDone?(how: 'finished' | 'cancelled' | 'transferred'): void;
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

  const attend = useApiMutation(() => api.post(`/tickets/${ticketId}/attend`), { invalidates: LIVE_KEYS });
  const end = useApiMutation(
    async (how: 'finished' | 'cancelled') => {
      if (how === 'cancelled') return api.post(`/tickets/${ticketId}/cancel`, { reason: NO_SHOW_REASON });
      if (!everJoined.current) throw new ApiError('customer_not_joined');
      return api.post(`/tickets/${ticketId}/finish`);
    },
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
  // D1 → C2: calling becomes attending when the customer is in the call.
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
  return (
    <section className="vc" data-testid="video-call" data-status={call.status}>
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
      <div className="vc-stage">
        <VideoTile stream={call.remote} label={guest?.displayName ?? t.video.waitingCustomer} testId="remote-video" />
        <VideoTile stream={media.stream} label={t.video.you} muted testId="local-video" />
      </div>
      <MediaControls media={media} canShare>
        <button
          type="button"
          className="vc-danger"
          disabled={busy || call.status !== 'live'}
          onClick={() => end.mutate('finished')}
        >
          {t.video.end}
        </button>
        <button type="button" disabled={busy || !ticket.data} onClick={() => setTransferring(true)}>
          {t.video.transfer}
        </button>
        {!everJoined.current && (
          <button type="button" disabled={busy} onClick={() => end.mutate('cancelled')}>
            {t.video.cancelNoShow}
          </button>
        )}
      </MediaControls>
      {failure && (
        <p role="alert" className="vc-error">
          {failure}
        </p>
      )}
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
      <div className="vc-side">
        {call.grant?.guestUrl && <GuestLink url={call.grant.guestUrl} />}
        <TermsComposer api={call.api} terms={call.terms} onSent={call.setTerms} />
        <TagBox api={call.api} tags={call.tags} onAdded={call.addTag} />
        <ChatPanel api={call.api} messages={call.messages} onSent={call.addMessage} self="user" />
      </div>
    </section>
  );
}
