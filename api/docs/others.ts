// Operations of routers owned by other areas (shifts, reports, video, public pages, monitor),
// described from their own schemas. Routes not listed anywhere still appear via discover.ts.
import * as Shift from '../shifts/schemas.js';
import * as Video from '../video/schemas.js';
import { CheckInBody, KioskBody, LeaveBody } from '../public/schemas.js';
import { PUBLIC_RIGHTS } from '../../domain/ticket-rights.js';
import { ReportQuery } from '../reports/schemas.js';
import { ReleaseBody } from '../monitor/schemas.js';
import type { Operation } from './operations.js';
import { z } from 'zod';
import * as C from '../../domain/contracts/index.js';
import { ListQuery } from '../http/ra.js';
import { ManualSendBody, WebhookDeliveryFilter } from '../webhooks/schemas.js';

const mine = 'the agent, own shift';
const shiftReaders = 'supervisors (their branch), admins; agents their own';
const SIGNED = 'Each delivery is a JSON POST with X-Ventanilla-Event, X-Ventanilla-Event-Key (dedupe on it: at least once), '
  + 'X-Ventanilla-Timestamp (Unix seconds) and X-Ventanilla-Signature = "sha256=" + hex HMAC-SHA256(secret, "<timestamp>.<body>"); '
  + 'redirects are not followed, and loopback, private, link-local and metadata destinations are refused when saved and at each delivery';
const room = 'a participant of the room: its agent (session) or the customer (join token)';
export const OTHER_OPERATIONS: Operation[] = [
  { method: 'get', path: '/webhook_deliveries', summary: `Issue 13: what was sent to the entity's webhooks, newest first, with status (delivered, failed, pending), attempts, last error and times (react-admin list). filter = ${JSON.stringify(Object.keys(WebhookDeliveryFilter.shape))}`, tag: 'webhooks', query: ListQuery, response: z.array(C.WebhookDelivery), auth: 'admin' },
  { method: 'get', path: '/webhook_deliveries/:id', summary: 'Issue 13: one delivery, with its payload', tag: 'webhooks', response: C.WebhookDelivery, auth: 'admin' },
  { method: 'delete', path: '/webhook_deliveries/:id', summary: 'Refused (NotWritable): deliveries are a record', tag: 'webhooks', refused: 'NotWritable', auth: 'admin' },
  { method: 'post', path: '/webhooks/:id/test', summary: `Issue 13: send a webhook.test event now, once; answers the delivery with its outcome. ${SIGNED}`, tag: 'webhooks', body: ManualSendBody, response: C.WebhookDelivery, auth: 'admin' },
  { method: 'post', path: '/webhook_deliveries/:id/resend', summary: 'Issue 13: send a delivery again now, on a fresh retry schedule; answers it with its outcome', tag: 'webhooks', body: ManualSendBody, response: C.WebhookDelivery, ok: 200, auth: 'admin' },
  { method: 'post', path: '/shifts', summary: 'A7/A10: log in at a desk (starts the shift workflow)', tag: 'shifts', body: Shift.OpenShiftBody, response: C.ShiftView, auth: mine },
  { method: 'get', path: '/shifts/current', summary: 'A3/A11: current state', tag: 'shifts', response: C.ShiftView, auth: mine },
  { method: 'post', path: '/shifts/current/state', summary: 'A3: change availability state', tag: 'shifts', body: Shift.StateBody, response: C.ShiftView, ok: 200, auth: mine },
  { method: 'post', path: '/shifts/current/next-state', summary: 'A4: next state', tag: 'shifts', body: Shift.NextStateBody, response: C.ShiftView, ok: 200, auth: mine },
  { method: 'post', path: '/shifts/current/manual', summary: 'A12: manual attention mode', tag: 'shifts', body: Shift.ManualBody, response: C.ShiftView, ok: 200, auth: mine },
  { method: 'post', path: '/shifts/current/call-next', summary: 'Call the next customer', tag: 'shifts', body: Shift.EmptyBody, response: C.CallNextResult, ok: 200, auth: mine },
  { method: 'post', path: '/shifts/current/end', summary: 'F1/F2: end the shift (also done by log out)', tag: 'shifts', body: Shift.EmptyBody, response: C.ShiftView, ok: 200, auth: mine },
  { method: 'get', path: '/shifts/current/waiting', summary: 'A9: every ticket this agent may serve, in dispatch order; the first says why it is next (H1)', tag: 'shifts', response: z.array(C.WaitingItem), auth: mine },
  { method: 'get', path: '/shifts/current/figures', summary: 'H3: figures of the own open shift', tag: 'shifts', response: C.ShiftFigures, auth: mine },
  { method: 'get', path: '/shifts', summary: 'Shifts (react-admin list; services left empty): supervisors their branch, admins the entity, agents their own', tag: 'shifts', query: ListQuery, response: z.array(C.ShiftView), auth: shiftReaders },
  { method: 'get', path: '/shifts/:id', summary: 'One shift with its services', tag: 'shifts', response: C.ShiftView, auth: shiftReaders },
  { method: 'get', path: '/shifts/:id/figures', summary: 'H3: figures of one shift', tag: 'shifts', response: C.ShiftFigures, auth: shiftReaders },
  { method: 'get', path: '/reports/summary', summary: 'H3: attention figures', tag: 'reports', query: ReportQuery, response: C.Report, auth: 'supervisor, admin' },
  { method: 'get', path: '/reports/summary.csv', summary: 'H3: attention figures as CSV', tag: 'reports', query: ReportQuery, produces: 'text/csv', auth: 'supervisor, admin' },
  { method: 'get', path: '/monitor/branches/:id', summary: 'H4: live monitor snapshot of a branch, with its stuck work (`stuck`)', tag: 'monitor', response: C.BranchSnapshot, auth: 'supervisor of the branch, admin' },
  { method: 'post', path: '/monitor/stuck/release', summary: 'Release stuck work (listed in the snapshot\'s `stuck`): requeue or cancel a ticket, end a shift', tag: 'monitor', body: ReleaseBody, response: C.ReleaseResult, ok: 200, auth: 'supervisor of the branch, admin' },
  { method: 'get', path: '/monitor/temporal', summary: 'G7: where the Temporal Web UI is. It lists every entity\'s workflows, so entity staff get OperatorOnly here and `temporalUrl: null` in tickets and the monitor', tag: 'monitor', response: C.TemporalUi, auth: 'operator' },
  { method: 'get', path: '/public/branches/:id', summary: 'H5: kiosk — branch name and its services', tag: 'public', response: C.PublicBranch },
  { method: 'post', path: '/public/branches/:id/tickets', summary: 'H5: kiosk — take a ticket (30 a minute per address); returns a status-page link', tag: 'public', body: KioskBody, response: C.KioskTicket, ok: 201 },
  { method: 'get', path: '/public/branches/:id/display', summary: 'C9: public display — calls now and recent', tag: 'public', response: C.DisplayView },
  { method: 'post', path: '/public/branches/:id/check-in', summary: `H6: kiosk — check in today's appointment (branch time zone) of this branch, found by the customer's ID number, while ${PUBLIC_RIGHTS.kiosk.from.join(' or ')} (30 a minute per address); returns number, service and a status-page link. Any other ID number, branch or day: 404 NoAppointmentToday; already checked in: 409 AlreadyCheckedIn`, tag: 'public', body: CheckInBody, response: C.KioskTicket },
  { method: 'get', path: '/public/tickets/:token', summary: 'H5: customer status page — position in line, desk when called', tag: 'public', response: C.PublicStatus },
  { method: 'post', path: '/public/tickets/:token/leave', summary: `H5: customer status page — leave the queue while ${PUBLIC_RIGHTS.statusToken.from.join(' or ')} (the ticket is cancelled, the customer named on its timeline); answers the new status, and the same again when repeated. Otherwise 409 TicketNotInStatus`, tag: 'public', body: LeaveBody, response: C.PublicStatus, ok: 200 },
  { method: 'post', path: '/video/tickets/:id/join', summary: 'D1: the agent joins the call of a virtual ticket (signed SFU join token)', tag: 'video', response: C.AgentJoin, auth: 'the agent holding the ticket, branch supervisor' },
  { method: 'post', path: '/video/guest/:guestToken/join', summary: 'D10: the customer joins by the anonymous link (one room, while the ticket is live)', tag: 'video', response: C.GuestJoin, ok: 200 },
  { method: 'get', path: '/video/rooms/:roomId/messages', summary: 'D12: chat messages', tag: 'video', response: z.array(C.ChatMessage), auth: room },
  { method: 'post', path: '/video/rooms/:roomId/messages', summary: 'D12: send a chat message', tag: 'video', body: Video.ChatBody, response: C.ChatMessage, auth: room },
  { method: 'post', path: '/video/rooms/:roomId/files', summary: 'D12: send a file (raw body ≤ 10 MB, allowed types; name in X-File-Name)', tag: 'video', response: C.ChatMessage, auth: room },
  { method: 'get', path: '/video/files/:fileId', summary: 'D12: download a file (participants and branch supervisors), as the type it was stored with', tag: 'video', produces: '*/*', auth: room },
  { method: 'get', path: '/video/rooms/:roomId/tags', summary: 'D11: tags of the call', tag: 'video', response: z.array(C.Tag), auth: room },
  { method: 'post', path: '/video/rooms/:roomId/tags', summary: 'D11: pin a tag to this moment of the call', tag: 'video', body: Video.TagBody, response: C.Tag, auth: 'the agent' },
  { method: 'post', path: '/video/rooms/:roomId/terms', summary: 'D7: send terms and conditions', tag: 'video', body: Video.TermsBody, response: C.TermsSent, auth: 'the agent' },
  { method: 'post', path: '/video/rooms/:roomId/terms/answer', summary: 'D7: accept or refuse the terms', tag: 'video', body: Video.TermsAnswerBody, ok: 204, auth: 'the customer' },
  { method: 'post', path: '/video/rooms/:roomId/presence', summary: 'Joined / left the call (timeline)', tag: 'video', body: Video.PresenceBody, ok: 204, auth: room },
];
