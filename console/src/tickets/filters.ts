// The B1–B5 filters as the screen holds them, and their translation to the API's filter.
import type { TicketKind, TicketStatus } from '@domain/tickets';

export interface TicketFilters {
  scope: { branchId?: number; departmentId?: number; serviceId?: number };
  agentId?: number;
  status: TicketStatus | '';
  kind: TicketKind | '';
  number: string;
  q: string;
  mode: 'today' | 'history';
  from: string;
  to: string;
}

export const initialFilters = (today: string): TicketFilters => ({
  scope: {},
  status: '',
  kind: '',
  number: '',
  q: '',
  mode: 'today',
  from: today,
  to: today,
});

export function toApiFilter(f: TicketFilters): Record<string, unknown> {
  return {
    ...f.scope,
    ...(f.agentId ? { agentId: f.agentId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.number.trim() ? { number: f.number.trim() } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.mode === 'today' ? { day: 'today' } : { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) }),
  };
}
