// The ticket steps the call screen takes (through the tickets API, never around it).
import { api } from '../api/client';

export const attend = (ticketId: string) => api.post(`/tickets/${ticketId}/attend`, {});
export const finish = (ticketId: string) => api.post(`/tickets/${ticketId}/finish`, {});
export const cancelNoShow = (ticketId: string) => api.post(`/tickets/${ticketId}/cancel`, { reason: 'El cliente no se conectó a la videollamada' });
export const load = (ticketId: string) => api.get<{ status: string; branchId: number; serviceId: number }>(`/tickets/${ticketId}`);
