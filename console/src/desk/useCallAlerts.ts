// Issue 16: a new call to this desk chimes, blinks the tab title and raises a desktop notification
// (each as the agent chose); a call that leaves this desk without the agent's doing — its time-out
// requeued it, or a supervisor requeued, transferred or cancelled it — is explained from the
// ticket's last step on its timeline, instead of the panel just going back to the waiting list.
import type { ShiftView } from '@domain/contracts/shifts';
import type { Ticket, TimelineEvent } from '@domain/contracts/tickets';
import { describeStep, type StepFact } from '@domain/timeline-steps';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ticketQuery } from '../api/queries';
import { fill, useI18n } from '../i18n';
import { chimeMuted, flashTitle, notifyDesktop, playChime, tabWatched } from './attention-getters';

export type LostKind =
  'timedOut' | 'timedOutNoShow' | 'requeuedBy' | 'transferredBy' | 'cancelledBy' | 'noShowBy' | 'customerLeft';
export interface LostCall {
  ticketId: string;
  number: string;
  kind: LostKind;
  /** Who took it away, when a person did. */
  by: string | null;
  /** The step's facts worth telling: the reason, the transfer's target. */
  facts: StepFact[];
}

/** One call of a ticket to this desk: a ticket requeued and called here again is another call. */
interface Call {
  ticketId: string;
  calledAt: string;
}
const LOSS_STEPS: readonly TimelineEvent['type'][] = ['requeued', 'transferred', 'cancelled', 'no_show'];

/**
 * Why `call` left this desk: the first step after it that took the ticket away — or null when this
 * agent took it (finish, their own requeue…) or it was not taken away.
 */
export async function explainLoss(call: Call, me: number): Promise<LostCall | null> {
  const [tk, steps] = await Promise.all([
    api.get<Ticket>(`/tickets/${call.ticketId}`),
    api.get<TimelineEvent[]>(`/tickets/${call.ticketId}/timeline`),
  ]);
  const calledAt = Date.parse(call.calledAt);
  const callSeq = [...steps].reverse().find((e) => e.type === 'called' && Date.parse(e.at) <= calledAt)?.seq ?? 0;
  const step = steps.find((e) => e.seq > callSeq && LOSS_STEPS.includes(e.type));
  if (!step || (step.actor.type === 'user' && step.actor.id === me)) return null;
  const bySystem = step.actor.type === 'system';
  const kinds: Partial<Record<TimelineEvent['type'], LostKind>> = {
    requeued: bySystem ? 'timedOut' : 'requeuedBy',
    no_show: bySystem ? 'timedOutNoShow' : 'noShowBy',
    transferred: 'transferredBy',
    cancelled: step.actor.type === 'customer' ? 'customerLeft' : 'cancelledBy',
  };
  const kind = kinds[step.type];
  if (!kind) return null;
  return {
    ticketId: call.ticketId,
    number: tk.number,
    kind,
    by: step.actor.type === 'user' ? step.actor.name : null,
    // The time-out's own fact ("timed out unanswered") is what the sentence already says.
    facts: bySystem ? [] : describeStep(step).facts,
  };
}

export function useCallAlerts(shift: ShiftView): { lost: LostCall | null; dismiss(): void } {
  const { t } = useI18n();
  const id = shift.currentTicketId;
  const ticket = useQuery({ ...ticketQuery(id ?? ''), enabled: id !== null });
  const tk = id && ticket.data?.id === id ? ticket.data : undefined;
  const call: Call | null = tk?.calledAt ? { ticketId: tk.id, calledAt: tk.calledAt } : null;
  const callKey = call ? `${call.ticketId}@${call.calledAt}` : null;
  // The ticket at this desk when it opened (a reload) was announced before: never again.
  const atOpening = useRef(id);
  const previous = useRef<Call | null>(null);
  const stopFlash = useRef<(() => void) | null>(null);
  const [lost, setLost] = useState<LostCall | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stopFlash.current?.();
    };
  }, []);

  // Another call than before: the one before left (say why, unless the agent did it), this one rings.
  useEffect(() => {
    if (!id || (call && tk)) {
      const gone = previous.current;
      previous.current = call;
      if (gone && `${gone.ticketId}@${gone.calledAt}` !== callKey)
        explainLoss(gone, shift.userId).then(
          (why) => {
            if (mounted.current && why) setLost(why);
          },
          // Not knowing why is no reason to stop the desk: the panel has gone back to the list anyway.
          (err: unknown) => console.warn('why the call left this desk is unknown', err),
        );
    }
    if (!call || !tk) return;
    if (atOpening.current === call.ticketId) {
      atOpening.current = null;
      return;
    }
    if (tk.status !== 'calling') return;
    if (!chimeMuted() && 'AudioContext' in window)
      playChime().catch((err: unknown) => console.warn('the call chime did not play', err));
    if (tabWatched()) return;
    stopFlash.current?.();
    stopFlash.current = flashTitle(tk.number);
    notifyDesktop(
      fill(t.callAlert.notificationTitle, { number: tk.number }),
      fill(t.callAlert.notificationBody, { name: tk.customerName ?? t.attention.anonymous, service: tk.serviceName }),
      `call-${tk.id}`,
    );
  }, [id, callKey]);

  // Answered, or gone: the title stops blinking.
  useEffect(() => {
    if (tk?.status === 'calling') return;
    stopFlash.current?.();
    stopFlash.current = null;
  }, [id, tk?.status]);

  return { lost, dismiss: () => setLost(null) };
}
