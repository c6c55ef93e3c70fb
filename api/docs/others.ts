// Operations of routers owned by other areas (shifts, reports), described from their own
// schemas. Routes not listed anywhere still appear in the document via discover.ts.
import * as Shift from '../shifts/schemas.js';
import { ReportQuery } from '../reports/schemas.js';
import type { Operation } from './operations.js';

const mine = 'the agent, own shift';
export const OTHER_OPERATIONS: Operation[] = [
  { method: 'post', path: '/shifts', summary: 'A7/A10: log in at a desk (starts the shift workflow)', tag: 'shifts', body: Shift.OpenShiftBody, auth: mine },
  { method: 'get', path: '/shifts/current', summary: 'A3/A11: current state', tag: 'shifts', auth: mine },
  { method: 'post', path: '/shifts/current/state', summary: 'A3: change availability state', tag: 'shifts', body: Shift.StateBody, auth: mine },
  { method: 'post', path: '/shifts/current/next-state', summary: 'A4: next state', tag: 'shifts', body: Shift.NextStateBody, auth: mine },
  { method: 'post', path: '/shifts/current/manual', summary: 'A12: manual attention mode', tag: 'shifts', body: Shift.ManualBody, auth: mine },
  { method: 'post', path: '/shifts/current/call-next', summary: 'Call the next customer', tag: 'shifts', body: Shift.EmptyBody, auth: mine },
  { method: 'post', path: '/shifts/current/end', summary: 'F1/F2: end the shift (also done by log out)', tag: 'shifts', body: Shift.EmptyBody, auth: mine },
  { method: 'get', path: '/reports/summary', summary: 'H3: attention figures', tag: 'reports', query: ReportQuery, auth: 'supervisor, admin' },
  { method: 'get', path: '/reports/summary.csv', summary: 'H3: attention figures as CSV', tag: 'reports', query: ReportQuery, auth: 'supervisor, admin' },
];
