// Issue 20: the ticket workflow's one message signal, defined once (STYLE 1); apart from
// domain/messages.ts, which the back office imports and which must not pull in the Temporal SDK.
import { defineSignal } from '@temporalio/workflow';

/**
 * Issue 20: the worker's position watcher tells a waiting ticket its place once it is within its
 * service's threshold; the ticket's workflow sends "ahead" or "next" once per stay in the queue.
 */
export interface PositionReached {
  ahead: number;
  /** The ticket's stay in the queue (when it joined it, epoch seconds): the message's idempotency occasion. */
  occasion: number;
}
export const positionReached = defineSignal<[PositionReached]>('positionReached');
