// Live updates: staff sockets (session cookie) and public sockets (a branch). The screens do
// not keep state from events: an event only says "refetch", so a missed one costs nothing
// after the next, and a reconnect refetches too.
import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';

export interface TicketEvent { type: string; ticketId: string; number: string; status: string; deskId: number | null; serviceId: number; agentId?: number | null }
type Handlers = Partial<Record<'ticket' | 'shift' | 'notification', (e: TicketEvent) => void>> & { connect?: () => void };

function useSocketEvents(make: () => Socket | null, handlers: Handlers, deps: unknown[]): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const socket = make();
    if (!socket) return;
    for (const name of ['ticket', 'shift', 'notification'] as const) {
      socket.on(name, (e: TicketEvent) => ref.current[name]?.(e));
    }
    socket.on('connect', () => ref.current.connect?.());
    return () => {
      socket.disconnect();
    };
  }, deps);
}

export const useStaffEvents = (handlers: Handlers, enabled = true): void =>
  useSocketEvents(() => (enabled ? io('/', { withCredentials: true, transports: ['websocket'] }) : null), handlers, [enabled]);

export const usePublicEvents = (branchId: number | undefined, handlers: Handlers): void =>
  useSocketEvents(() => (branchId ? io('/public', { auth: { branchId }, transports: ['websocket'] }) : null), handlers, [branchId]);
