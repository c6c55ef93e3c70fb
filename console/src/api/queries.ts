// Server state, one query per fact: its key (what a socket event or a mutation invalidates) and
// how it is fetched. Screens share these; TanStack Query keeps one copy and one request in flight.
import type { PublicStatus, DisplayView, PublicBranch, PublicSurvey } from '@domain/contracts/public';
import { publicData } from '@domain/public-pages';
import type { ResourceName, ResourceRecord, SessionUser, Profile } from '@domain/contracts/resources';
import type { ShiftView } from '@domain/contracts/shifts';
import type { Ticket, TimelineEvent, WaitingItem } from '@domain/contracts/tickets';
import type { ChatMessage } from '@domain/contracts/video';
import { keepPreviousData, QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import { api, ApiError, type ListParams } from './client';
import { logUnexpected } from './errors';

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: logUnexpected }),
  defaultOptions: {
    // A refusal is an answer, not a hiccup: the screen words it at once (retries would hide it for
    // seconds). Freshness comes from the socket events, not from window focus.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

/** `null` for the answer that means "none" (401 no session, 404 no open shift). */
const noneOn = async <T>(status: number, fetch: () => Promise<T>): Promise<T | null> => {
  try {
    return await fetch();
  } catch (err) {
    if (err instanceof ApiError && err.status === status) return null;
    throw err;
  }
};

export const keys = {
  me: ['me'] as const,
  shift: ['shift'] as const,
  waiting: ['waiting'] as const,
  ticket: (id: string) => ['ticket', id] as const,
  tickets: ['tickets'] as const,
  liveTickets: ['tickets', 'today'] as const,
  agents: ['agents'] as const,
  customer: (id: number) => ['customer', id] as const,
  notifications: ['notifications'] as const,
  profile: ['profile'] as const,
  public: ['public'] as const,
};

/** What a ticket or shift step of the branch may change (staff socket events, reconnects, the desk's own steps). */
export const LIVE_KEYS = [keys.shift, keys.waiting, ['ticket'], keys.liveTickets, keys.agents] as const;

export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: () => noneOn(401, () => api.get<SessionUser>('/auth/me')),
});
export const shiftQuery = queryOptions({
  queryKey: keys.shift,
  queryFn: () => noneOn(404, () => api.get<ShiftView>('/shifts/current')),
});

/** A9: the list follows the agent's state and mode too (offline and manual change who is offered). */
export const waitingQuery = (shift: Pick<ShiftView, 'state' | 'manualMode'>) =>
  queryOptions({
    queryKey: [...keys.waiting, shift.state, shift.manualMode],
    queryFn: () => api.get<WaitingItem[]>('/shifts/current/waiting'),
    placeholderData: keepPreviousData,
  });

export const ticketQuery = (id: string) =>
  queryOptions({ queryKey: keys.ticket(id), queryFn: () => api.get<Ticket>(`/tickets/${id}`) });
export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.ticket(id), 'timeline'],
    queryFn: () => api.get<TimelineEvent[]>(`/tickets/${id}/timeline`),
  });

/** Issue 16: what was written in the ticket's video call (no steps of its own: beside the timeline). */
export const ticketChatQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.ticket(id), 'chat'],
    queryFn: () => api.get<ChatMessage[]>(`/tickets/${id}/chat`),
  });

/** B3–B5: today's list is live (socket events refetch it); history is not. */
export const ticketsQuery = (mode: 'today' | 'history', filter: Record<string, unknown>) =>
  queryOptions({
    queryKey: [...keys.tickets, mode, filter],
    queryFn: () => api.list<Ticket>('tickets', { filter, sort: ['arrivalAt', 'DESC'], range: [0, 199] }),
    placeholderData: keepPreviousData,
  });

/** A back-office resource list (ra-data-simple-rest), for pickers and trees: not live. */
export const listQuery = <R extends ResourceName>(resource: R, params: ListParams = {}) =>
  queryOptions({
    queryKey: ['list', resource, params] as const,
    queryFn: () => api.list<ResourceRecord<R>>(resource, params),
  });

export const customerQuery = (id: number) =>
  queryOptions({
    queryKey: keys.customer(id),
    queryFn: () => api.get<ResourceRecord<'customers'>>(`/customers/${id}`),
  });

export const notificationsQuery = queryOptions({
  queryKey: keys.notifications,
  queryFn: () =>
    api.list<ResourceRecord<'notifications'>>('notifications', { sort: ['createdAt', 'DESC'], range: [0, 19] }),
});

export const profileQuery = queryOptions({ queryKey: keys.profile, queryFn: () => api.get<Profile>('/profile') });

// A public page asks for its data while its code loads (public.tsx): the screen that mounts a moment
// later takes that answer instead of asking again on a slow line (issue 17). Their sockets' events
// and (re)connects still refetch them at once (an invalidation ignores this).
const PUBLIC_FRESH_MS = 30_000;

export const publicBranchQuery = (branchId: number) =>
  queryOptions({
    queryKey: [...keys.public, 'branch', branchId],
    queryFn: () => api.get<PublicBranch>(publicData.branch(branchId)),
    staleTime: PUBLIC_FRESH_MS,
  });
export const displayQuery = (branchId: number) =>
  queryOptions({
    queryKey: [...keys.public, 'display', branchId],
    queryFn: () => api.get<DisplayView>(publicData.display(branchId)),
    staleTime: PUBLIC_FRESH_MS,
  });
/** Issue 20: the satisfaction survey of the status token's ticket. */
export const publicSurveyQuery = (token: string) =>
  queryOptions({
    queryKey: [...keys.public, 'survey', token],
    queryFn: () => api.get<PublicSurvey>(publicData.survey(token)),
    staleTime: PUBLIC_FRESH_MS,
  });
export const publicStatusQuery = (token: string) =>
  queryOptions({
    queryKey: [...keys.public, 'status', token],
    queryFn: () => api.get<PublicStatus>(publicData.ticket(token)),
    staleTime: PUBLIC_FRESH_MS,
  });
