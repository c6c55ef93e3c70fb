// socket.io at the same origin, staff namespace '/', authenticated by the session cookie.
// One connection for the app; components subscribe to 'ticket' and 'shift' events.
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

export interface TicketEvent { type: string; ticketId: string; branchId: number; serviceId: number; status: string; agentId: number | null; deskId: number | null; number: string }
export interface ShiftEvent { userId: number; branchId: number; state: string }

let socket: Socket | undefined;
const connection = (): Socket => {
  socket ??= io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
};

/** Drops the connection (on log-out): the next user connects with their own session. */
export function closeLive(): void {
  socket?.disconnect();
  socket = undefined;
}

/** Calls `onEvent` for each 'ticket' and 'shift' event; returns whether the socket is connected. */
export function useLiveEvents(onEvent: (kind: 'ticket' | 'shift', e: TicketEvent | ShiftEvent) => void, follow?: string): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [connected, setConnected] = useState(() => connection().connected);
  useEffect(() => {
    const s = connection();
    const onTicket = (e: TicketEvent) => handler.current('ticket', e);
    const onShift = (e: ShiftEvent) => handler.current('shift', e);
    const up = () => {
      setConnected(true);
      if (follow) s.emit('follow', follow);
    };
    const down = () => setConnected(false);
    s.on('ticket', onTicket).on('shift', onShift).on('connect', up).on('disconnect', down);
    if (s.connected) up();
    return () => {
      s.off('ticket', onTicket).off('shift', onShift).off('connect', up).off('disconnect', down);
    };
  }, [follow]);
  return connected;
}

/** Runs `fn` at most once per `ms`, after the last call (trailing debounce). */
export function useDebounced(fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useRef(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  }).current;
}
