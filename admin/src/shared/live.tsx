// socket.io at the same origin, staff namespace '/', authenticated by the session cookie. One
// connection per signed-in session, owned by <LiveProvider> in the layout — which react-admin
// renders only while someone is logged in — so it opens after log-in and closes on log-out (the
// next user connects with their own cookie). Components read it through the hooks below.
import type { AlertEvent, ShiftEvent, TicketEvent } from '@domain/contracts/realtime';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';

/** What the staff namespace sends the back office (api/realtime/socket.ts). */
interface LiveEvents {
  ticket: (e: TicketEvent) => void;
  shift: (e: ShiftEvent) => void;
  /** Issue 19: an alert of a branch this user watches was raised or cleared. */
  alert: (e: AlertEvent) => void;
}
export type LiveEvent = TicketEvent | ShiftEvent | AlertEvent;
/** What the back office asks of it: B7 "follow the ticket" joins that ticket's room. */
interface LiveRequests {
  follow: (ticketId: string) => void;
  unfollow: (ticketId: string) => void;
}
type LiveSocket = Socket<LiveEvents, LiveRequests>;

const LiveContext = createContext<{ socket: LiveSocket | null; connected: boolean }>({
  socket: null,
  connected: false,
});

export function LiveProvider({ children }: { children: ReactNode }) {
  // Created once, connected while mounted: a remount (StrictMode) reconnects the same socket.
  const [socket] = useState<LiveSocket>(() =>
    io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'], autoConnect: false }),
  );
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    socket.on('connect', up).on('disconnect', down);
    socket.connect();
    return () => {
      socket.off('connect', up).off('disconnect', down);
      socket.disconnect();
    };
  }, [socket]);
  const live = useMemo(() => ({ socket, connected }), [socket, connected]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** Whether the live connection is up (the monitor's "live" chip). */
export const useLiveConnected = (): boolean => useContext(LiveContext).connected;

/** Calls `onEvent` for each ticket, shift and alert event (told apart by `kind`), always the latest `onEvent`, without resubscribing. */
export function useLiveEvents(onEvent: (e: LiveEvent) => void): void {
  const { socket } = useContext(LiveContext);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (e: LiveEvent) => handler.current(e);
    socket.on('ticket', listener).on('shift', listener).on('alert', listener);
    return () => {
      socket.off('ticket', listener).off('shift', listener).off('alert', listener);
    };
  }, [socket]);
}

/** B7: hear one ticket's events even outside the branches this user watches, while it is on screen. */
export function useFollowTicket(ticketId: string | null | undefined): void {
  const { socket, connected } = useContext(LiveContext);
  useEffect(() => {
    if (!socket || !connected || !ticketId) return;
    // Rooms live as long as the connection: asked again after each reconnect.
    socket.emit('follow', ticketId);
    return () => {
      // A lost connection left its rooms already; a buffered unfollow would only be sent after the next follow.
      if (socket.connected) socket.emit('unfollow', ticketId);
    };
  }, [socket, connected, ticketId]);
}
