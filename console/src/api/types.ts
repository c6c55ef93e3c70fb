// Shapes the console reads from the API. Vocabulary comes from domain/ (one definition).
import type { AgentState, Role } from '@domain/agents';
import type { NextReason } from '@domain/queue-order';
import type { TicketKind, TicketStatus } from '@domain/tickets';

export type { AgentState, TicketKind, TicketStatus };

export interface SessionUser { id: number; entityId: number; branchId: number | null; role: Role; email: string; firstName: string; lastName: string }
export interface ServiceRef { id: number; name: string; label: string }

export interface ShiftView {
  id: string; userId: number; deskId: number; deskName: string; branchId: number; branchName: string;
  state: AgentState; stateSince: string; nextState: AgentState | null; manualMode: boolean; currentTicketId: string | null;
  mainServices: ServiceRef[]; supportServices: ServiceRef[];
}

export interface WaitingItem {
  ticketId: string; number: string; kind: TicketKind; customerName: string | null; customerIdNumber: string | null;
  scheduledAt: string | null; arrivalAt: string; priority: number; serviceId: number; serviceName: string; support: boolean;
  /** H1: why the first one is next (worded by i18n/errors.ts nextText). */
  why?: NextReason;
}

export interface TicketItem {
  id: string; number: string; status: TicketStatus; kind: TicketKind; priority: number; branchId: number; serviceId: number;
  serviceName: string; departmentId: number; customerId: number | null; customerName: string | null; customerIdNumber: string | null;
  agentId: number | null; agentName: string | null; deskId: number | null; deskName: string | null; arrivalAt: string;
  scheduledAt: string | null; calledAt: string | null; attendingAt: string | null; endedAt: string | null; statusSince: string;
  recallCount: number; requeueCount: number; topicIds?: number[];
}

export interface TimelineEvent {
  seq: number; type: string; from: TicketStatus | null; to: TicketStatus | null; at: string;
  actor: { type: 'user' | 'customer' | 'system'; id: number | null; name: string | null }; details: Record<string, unknown>;
}

export interface Customer { id: number; firstName: string; lastName: string; email: string | null; idNumber: string | null; phone: string | null }
export interface Topic { id: number; name: string; serviceId: number }
export interface Desk { id: number; name: string; branchId: number }
export interface Branch { id: number; name: string }
export interface Department { id: number; name: string; branchId: number }
export interface Service extends ServiceRef { branchId: number; departmentId: number; active: boolean; virtualEnabled?: boolean }
/** A colleague; `shiftState` / `shiftDeskId` come from their open shift (null when logged out). */
export interface User { id: number; firstName: string; lastName: string; role: string; branchId: number | null; shiftState: AgentState | null; shiftDeskId: number | null }
export interface Notification { id: number; type: string; title: string; body: string | null; readAt: string | null; createdAt: string }
export interface Profile { id: number; firstName: string; lastName: string; phone: string | null; email: string; entityName?: string; branchName?: string | null }

/** Public pages (no login). */
export interface PublicBranch { id: number; name: string; services: ServiceRef[] }
export interface KioskTicket { number: string; serviceName: string; token: string; statusUrl: string }
export interface CalledTicket { ticketId: string; number: string; status: TicketStatus; deskName: string | null; serviceName: string; calledAt: string | null; recallCount: number }
export interface DisplayView { branchName: string; calling: CalledTicket[]; recent: CalledTicket[] }
export interface PublicStatus { number: string; status: TicketStatus; branchId: number; branchName: string; serviceName: string; deskName: string | null; ahead: number | null }
