// The agent's side of a virtual attention (section D): opens as the ticket is called (D1),
// waits for the customer, and carries the call's tools. Self-contained: <VideoCall ticketId=… />.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Refusal } from '../api/errors';
import { logUnexpected } from '../common/useAction';
import { TransferDialog } from '../desk/TransferDialog';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import { joinAsAgent } from './call-api';
import { ChatPanel } from './ChatPanel';
import { GuestLink } from './GuestLink';
import { MediaControls } from './MediaControls';
import { TagBox, TermsComposer } from './AgentTools';
import { useCallText } from './i18n';
import * as ticket from './ticket-actions';
import { useCall } from './useCall';
import { useLocalStream } from './useLocalStream';
import { useMedia } from './useMedia';
import { VideoTile } from './VideoTile';
import './video.css';

export type VideoCallProps = {
  ticketId: string;
  /** The attention ended here (finished, cancelled or transferred away). */
  onDone?(how: 'finished' | 'cancelled' | 'transferred'): void;
};

export function VideoCall({ ticketId, onDone }: VideoCallProps) {
  const t = useCallText();
  const { t: dict } = useI18n();
  const getGrant = useCallback(() => joinAsAgent(ticketId), [ticketId]);
  const call = useCall(getGrant);
  const local = useLocalStream();
  const media = useMedia(call.client, local.stream);
  const [busy, setBusy] = useState<string | null>(null);
  // Boxed: any failure, worded at render so it follows the language switch.
  const [failed, setFailed] = useState<{ err: unknown }>();
  const fail = useCallback((err: unknown) => {
    logUnexpected(err);
    setFailed({ err });
  }, []);
  const [transferTo, setTransferTo] = useState<{ branchId: number } | null>(null);
  const guest = call.peers.find((p) => p.role === 'guest');
  const everJoined = useRef(false);
  const attendAsked = useRef(false);

  // D1 → C2: calling becomes attending when the customer is in the call.
  useEffect(() => {
    if (!guest || attendAsked.current || call.grant?.ticket.status !== 'calling') return;
    attendAsked.current = true;
    ticket.attend(ticketId).catch(fail);
  }, [guest, call.grant, ticketId, fail]);
  if (guest) everJoined.current = true;

  const step = (name: string, how: 'finished' | 'cancelled', action: () => Promise<unknown>) => () => {
    setBusy(name);
    action().then(() => {
      call.leave();
      onDone?.(how);
    }, fail).finally(() => setBusy(null));
  };
  const openTransfer = () => ticket.load(ticketId).then((t) => setTransferTo({ branchId: t.branchId }), fail);
  // D4: the console's dialog does the transfer; the customer stays in the room, we leave it.
  const transferClosed = () => {
    setTransferTo(null);
    ticket.load(ticketId).then((t) => {
      if (t.status !== 'waiting') return;
      call.leave();
      onDone?.('transferred');
    }, fail);
  };

  if (call.status === 'ended') return <section className="vc vc-ended" data-testid="call-ended"><p>{t.ended}</p></section>;
  return (
    <section className="vc" data-testid="video-call" data-status={call.status}>
      {call.status === 'error' && <p role="alert" className="vc-error">{dict.video.callError}: {errorText(dict, call.failure)}</p>}
      {local.failure !== undefined && <p role="alert" className="vc-error">{errorText(dict, local.failure)}</p>}
      <div className="vc-stage">
        <VideoTile stream={call.remote} label={guest?.displayName ?? t.waitingCustomer} testId="remote-video" />
        <VideoTile stream={media.stream} label={t.you} muted testId="local-video" />
      </div>
      <MediaControls media={media} canShare>
        <button type="button" className="vc-danger" disabled={busy !== null || call.status !== 'live'} onClick={step('finish', 'finished', async () => {
          if (!everJoined.current) throw new Refusal('customer_not_joined');
          await ticket.finish(ticketId);
        })}>{t.end}</button>
        <button type="button" disabled={busy !== null} onClick={() => void openTransfer()}>{t.transfer}</button>
        {!everJoined.current && <button type="button" disabled={busy !== null} onClick={step('cancel', 'cancelled', () => ticket.cancelNoShow(ticketId))}>{t.cancelNoShow}</button>}
      </MediaControls>
      {failed && <p role="alert" className="vc-error">{errorText(dict, failed.err)}</p>}
      {transferTo && call.grant && <TransferDialog ticketId={ticketId} number={call.grant.ticket.number} branchId={transferTo.branchId} onDone={transferClosed} />}
      <div className="vc-side">
        {call.grant?.guestUrl && <GuestLink url={call.grant.guestUrl} />}
        <TermsComposer api={call.api} terms={call.terms} onSent={call.setTerms} />
        <TagBox api={call.api} tags={call.tags} onAdded={call.addTag} />
        <ChatPanel api={call.api} messages={call.messages} onSent={call.addMessage} self="user" />
      </div>
    </section>
  );
}
