// Live updates: staff sockets (session cookie) and public sockets (a branch). The screens keep no
// state from events: an event only invalidates the queries it may have changed, so a missed one
// costs nothing after the next, and a (re)connect refetches them too.
// Issue 17: socket.io's client (a quarter of the status page's first download) is fetched once the
// screen is up, never with it: every screen works by HTTP first, and the connect's refetch covers
// what happened before the socket was open. A public screen waits longer (`settled`).
import type { NotificationEvent, PublicTicketEvent, ShiftEvent, TicketEvent } from '@domain/contracts/realtime';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { io as ioType, Socket } from 'socket.io-client';
import { keys, LIVE_KEYS } from '../api/queries';

type Io = typeof ioType;

/** What each socket says, by event name (`connect`: the socket (re)connected, nothing carried). */
interface StaffEvents {
  ticket: TicketEvent;
  shift: ShiftEvent;
  notification: NotificationEvent;
  connect: undefined;
}
interface PublicEvents {
  ticket: PublicTicketEvent;
  connect: undefined;
}
type Handlers<E> = { [K in keyof E]?: (payload: E[K]) => void };

/** How long after the page's navigation a public screen leaves its CPU to the customer's first tap. */
const PUBLIC_QUIET_MS = 2_000;

/**
 * Resolves once the page is `quietMs` old and its main thread idle. Issue 17: on a slow phone,
 * socket.io's code (parsed and run), its connect and the refetch it brings took ~0.3 s, and when
 * they came just after the first render they landed on the customer's first tap (bench-screens).
 * The screen's data is a fresh HTTP answer meanwhile, and the connect's refetch brings what changed.
 */
function settled(quietMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // Safari has no idle callback (its types say every browser has): the quiet time alone there.
    const idle = () =>
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(() => resolve(), { timeout: 1_000 })
        : resolve();
    const timer = window.setTimeout(idle, Math.max(0, quietMs - performance.now()));
    signal.addEventListener('abort', () => window.clearTimeout(timer));
  });
}

/**
 * Subscribes `on` for as long as the socket `open` gives lives (none while `open` is null); with
 * `quietMs`, the socket's code is fetched only once the page is that old and idle (`settled`).
 */
function useSocket<E>(open: ((io: Io) => Socket) | null, on: Handlers<E>, deps: unknown[], quietMs?: number): void {
  const ref = useRef(on);
  ref.current = on;
  useEffect(() => {
    if (!open) return;
    let socket: Socket | null = null;
    let gone = false;
    const abort = new AbortController();
    const ready = quietMs === undefined ? Promise.resolve() : settled(quietMs, abort.signal);
    ready
      .then(() => import('socket.io-client'))
      .then(
        ({ io }) => {
          if (gone) return;
          socket = open(io);
          for (const name of Object.keys(ref.current) as (keyof E & string)[]) {
            // socket.io types its own reserved events only; ours are typed by E above.
            socket.on(name as string, (payload: E[typeof name]) => ref.current[name]?.(payload));
          }
        },
        // No live updates until the page is loaded again; what it shows came by HTTP and stays.
        (err: unknown) => console.error('the live updates did not load', err),
      );
    return () => {
      gone = true;
      abort.abort();
      socket?.disconnect();
    };
  }, deps);
}

function useInvalidate(): (queryKeys: readonly QueryKey[]) => void {
  const client = useQueryClient();
  return (queryKeys) => queryKeys.forEach((queryKey) => void client.invalidateQueries({ queryKey }));
}

/** The signed-in console: ticket and shift steps of the branch (TicketEvent, ShiftEvent), and the user's notifications. */
export function useStaffEvents(): void {
  const invalidate = useInvalidate();
  const everything = () => invalidate(LIVE_KEYS);
  useSocket<StaffEvents>(
    (io) => io('/', { withCredentials: true, transports: ['websocket'] }),
    {
      // A ticket step changes that ticket (and its timeline), the lists, and the shift that holds it.
      ticket: (e) => invalidate([...LIVE_KEYS.filter((k) => k[0] !== 'ticket'), keys.ticket(e.ticketId)]),
      shift: everything,
      connect: everything,
      notification: () => invalidate([keys.notifications]),
    },
    [],
  );
}

/** Display and status page: the branch's ticket steps, without agent or customer. `onTicket` sees each one too. */
export function usePublicEvents(branchId: number | undefined, onTicket?: (e: PublicTicketEvent) => void): void {
  const invalidate = useInvalidate();
  useSocket<PublicEvents>(
    branchId ? (io) => io('/public', { auth: { branchId }, transports: ['websocket'] }) : null,
    {
      ticket: (e) => {
        invalidate([keys.public]);
        onTicket?.(e);
      },
      connect: () => invalidate([keys.public]),
    },
    [branchId],
    PUBLIC_QUIET_MS,
  );
}
