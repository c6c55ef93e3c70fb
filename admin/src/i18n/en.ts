// English (switchable): react-admin's English pack plus our resources and screens.
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const en: TranslationMessages = {
  ...englishMessages,
  resources: {
    entities: { name: 'Entity |||| Entities', fields: { name: 'Name', slug: 'Slug' } },
    branches: {
      name: 'Branch |||| Branches',
      fields: {
        name: 'Name', code: 'Code', timezone: 'Time zone', orderingPolicy: 'Ordering policy',
        interleaveRatio: 'Priority tickets in a row before a normal one (N:1)', ageBoostMinutes: 'Minutes waited per priority level',
        checkInWindowMinutes: 'Appointment check-in window (min)',
      },
    },
    departments: { name: 'Department |||| Departments', fields: { name: 'Name', branchId: 'Branch' } },
    services: {
      name: 'Service |||| Services',
      fields: {
        name: 'Name', label: 'Label', departmentId: 'Department', branchId: 'Branch', callTimeoutSeconds: 'Call time-out (s)',
        maxAutoRequeues: 'Automatic requeues', slaTargetSeconds: 'SLA wait target (s)', virtualEnabled: 'Virtual attention',
        active: 'Active', topics: 'Topics',
      },
    },
    topics: { name: 'Topic |||| Topics', fields: { name: 'Name', serviceId: 'Service' } },
    priorities: { name: 'Priority |||| Priorities', fields: { name: 'Name', level: 'Level (0 = normal)' } },
    desks: { name: 'Desk |||| Desks', fields: { name: 'Name', branchId: 'Branch' } },
    users: {
      name: 'User |||| Users',
      fields: {
        firstName: 'First name', lastName: 'Last name', email: 'E-mail', role: 'Role', branchId: 'Branch', phone: 'Phone',
        active: 'Active', password: 'Password', createdAt: 'Created',
      },
    },
    service_assignments: { name: 'Assignment |||| Assignments', fields: { userId: 'Agent', serviceId: 'Service', kind: 'Kind' } },
    break_caps: { name: 'Break cap |||| Break caps', fields: { state: 'State', maxMinutes: 'Maximum (min)' } },
    webhooks: { name: 'Webhook |||| Webhooks', fields: { url: 'URL', secret: 'Secret (HMAC signature)', events: 'Events (none = all)', active: 'Active' } },
    customers: {
      name: 'Customer |||| Customers',
      fields: { firstName: 'First name', lastName: 'Last name', email: 'E-mail', idNumber: 'ID number', phone: 'Phone', createdAt: 'Created' },
    },
    shifts: {
      name: 'Shift |||| Shifts',
      fields: { userId: 'Agent', deskId: 'Desk', branchId: 'Branch', state: 'State', stateSince: 'Since', startedAt: 'Started', endedAt: 'Ended' },
    },
    tickets: {
      name: 'Ticket |||| Tickets',
      fields: {
        number: 'Number', status: 'Status', kind: 'Kind', priority: 'Priority', branchId: 'Branch', departmentId: 'Department',
        serviceId: 'Service', serviceName: 'Service', customerId: 'Customer', customerName: 'Customer', customerIdNumber: 'ID number',
        agentId: 'Agent', agentName: 'Agent', deskName: 'Desk', arrivalAt: 'Arrival', scheduledAt: 'Appointment time',
        calledAt: 'Called', attendingAt: 'Attending since', endedAt: 'Ended', statusSince: 'Last change', recallCount: 'Recalls',
        requeueCount: 'Requeues', q: 'Customer (name or ID)', day: 'Day', from: 'From', to: 'To', priorityId: 'Priority',
        customerMode: 'Customer', workflowId: 'Workflow',
      },
    },
  },
  ventanilla: {
    app: { title: 'Ventanilla · Back office', language: 'Language' },
    auth: { agents_refused: 'The back office is for supervisors and administrators' },
    menu: { monitor: 'Live monitor', reports: 'Reports', configuration: 'Configuration', operation: 'Operation' },
    policy: { fifo: 'Arrival order', priority: 'Priority first', interleave: 'N:1 interleave', age_boost: 'Age boost' },
    policy_help: {
      fifo: 'Served in arrival order whatever the priority.',
      priority: 'Priority tickets first, then by arrival.',
      interleave: 'After N priority tickets in a row, one normal ticket goes.',
      age_boost: 'A ticket gains one priority level per so many minutes waited.',
    },
    role: { agent: 'Agent', supervisor: 'Supervisor', admin: 'Administrator' },
    assignment: { main: 'Main', support: 'Support' },
    state: { online: 'Online', offline: 'Offline', resting: 'Resting', lunch: 'Lunch', documenting: 'Documenting' },
    status: {
      scheduled: 'Scheduled', waiting: 'Waiting', calling: 'Calling', attending: 'Attending', finished: 'Finished',
      cancelled: 'Cancelled', no_show: 'No-show',
    },
    kind: { turn: 'Turn', virtual: 'Virtual', appointment: 'Appointment' },
    event: {
      created: 'Created', scheduled: 'Scheduled', queued: 'Queued', called: 'Called', recalled: 'Recalled', attending: 'Attending',
      finished: 'Finished', requeued: 'Requeued', cancelled: 'Cancelled', no_show: 'No-show', transferred: 'Transferred',
      note: 'Note', topics: 'Topics', customer_edited: 'Customer edited', confirmed: 'Appointment confirmed', video_joined: 'Customer joined the call',
      video_left: 'Customer left the call', terms_sent: 'Terms sent', terms_answered: 'Terms answered', tag: 'Tag',
      file: 'File', room_opened: 'Room opened', room_closed: 'Room closed',
    },
    detail: {
      kind: 'Kind', number: 'Number', serviceId: 'Service #', agentId: 'Agent #', deskId: 'Desk #', reason: 'Reason',
      keepArrival: 'Keeps arrival', recallCount: 'Recalls', noAnswerCount: 'No answer', topicIds: 'Topics #',
      fromServiceId: 'From service #', toServiceId: 'To service #', toAgentId: 'To agent #', text: 'Text', fields: 'Fields',
      scheduledAt: 'Appointment', priority: 'Priority',
    },
    actor: { system: 'System', customer: 'Customer', user: 'User' },
    tickets: {
      timeline: 'Timeline', when: 'Time', actor: 'Actor', step: 'Step', transition: 'From → to', details: 'Details',
      requeue: 'Requeue', cancel: 'Cancel ticket', requeue_title: 'Requeue ticket %{number}?',
      requeue_content: 'It goes back to the queue keeping its arrival time.', cancel_title: 'Cancel ticket %{number}?',
      cancel_content: 'The ticket ends and the customer leaves the queue. This cannot be undone.', requeued: 'Ticket requeued',
      cancelled: 'Ticket cancelled', temporal: 'Open workflow in Temporal', customer: 'Customer', follow: 'Following live',
      today: 'Today', history: 'History', generate: 'Generate ticket or appointment', customer_new: 'New customer',
      customer_existing: 'Existing customer', customer_none: 'No customer', generated: 'Ticket %{number} generated',
      summary: 'Summary', waiting_since: 'Waiting since',
    },
    monitor: {
      title: 'Live monitor', branch: 'Branch', waiting: 'Waiting', longest_wait: 'Longest wait', sla_today: 'SLA today',
      agents: 'Agents', services: 'Services', queue: 'Queue and attentions', service: 'Service', calling: 'Calling',
      attending: 'Attending', finished: 'Served', abandoned: 'Abandoned', sla: 'SLA', state: 'State', since: 'For',
      desk: 'Desk', ticket: 'Ticket', workflow: 'Workflow', live: 'Live', offline: 'Live updates disconnected', updated: 'Updated %{time}',
      no_queue: 'Nobody in the queue.', next: 'Next', agent: 'Agent', number: 'Number', waited: 'Waited',
    },
    reports: {
      title: 'Reports', from: 'From', to: 'To', group_by: 'Group by', branch: 'Branch', department: 'Department',
      service: 'Service', agent: 'Agent', day: 'Day', export: 'Export CSV', key: 'Group', tickets: 'Tickets', served: 'Served',
      avg_wait: 'Avg wait', avg_walk: 'Avg walk', avg_service: 'Avg service', sla: 'Within SLA', left: 'Left before called',
      no_show: 'No-shows', cancelled: 'Cancelled', abandonment: 'Abandonment', idle: 'Idle time', break: 'Breaks',
      wrap_up: 'Wrap-up', times: 'Average times (min)', sla_chart: 'Served within SLA (%)', abandon_chart: 'Abandonment',
      empty: 'No data in this range.', agent_time: 'Agent time (min)',
    },
    shifts: { temporal: 'Workflow' },
  },
};

export default en;
