import type { Dictionary } from './es';

export const en: Dictionary = {
  app: { name: 'Ventanilla', loading: 'Loading…', retry: 'Retry', save: 'Save', cancel: 'Cancel', close: 'Close', saved: 'Saved', language: 'Language', none: '—' },
  login: { title: 'Agent sign-in', email: 'E-mail', password: 'Password', submit: 'Sign in' },
  menu: { profile: 'My profile', tickets: 'View all tickets', desk: 'My desk', logout: 'Log out', refused: 'You cannot log out: you are calling or attending ticket {number}. Finish, requeue or transfer it first.', endShift: 'Leave the desk' },
  states: { online: 'Online', offline: 'Offline', resting: 'Resting', lunch: 'Lunch', documenting: 'Documenting' },
  kinds: { turn: 'Turn', virtual: 'Virtual', appointment: 'Appointment' },
  statuses: { scheduled: 'Scheduled', waiting: 'Waiting', calling: 'Calling', attending: 'Attending', finished: 'Finished', cancelled: 'Cancelled', no_show: 'No-show' },
  desk: {
    pickTitle: 'Choose your desk', pickHint: 'You start Online, ready to receive customers.', enter: 'Take this desk',
    deskLabel: 'Desk', branchLabel: 'Branch', state: 'State', since: 'In this state for', nextState: 'When the attention ends', nextNone: 'Stay as is',
    main: 'Main services', support: 'Support services', supportHint: 'Only when your main services have nobody waiting.',
    manual: 'Manual mode', manualHint: 'You will not be given customers automatically: choose whom to serve.',
    waiting: 'Waiting list', waitingEmpty: 'Nobody is waiting for your services.', attend: 'Attend', transfer: 'Transfer', callNext: 'Call next',
    colNumber: 'Ticket / time', colCustomer: 'Customer', colKind: 'Kind', colService: 'Service', colId: 'ID number', supportTag: 'support',
    offlineHint: 'You are offline: you will not receive customers.', notifications: 'Notifications', markAll: 'Mark all as read', noNotifications: 'No notifications',
  },
  events: {
    created: 'Created', scheduled: 'Scheduled', queued: 'Queued', called: 'Called', recalled: 'Called again', attending: 'Attention started',
    finished: 'Finished', requeued: 'Requeued', cancelled: 'Cancelled', no_show: 'No-show', transferred: 'Transferred', note: 'Note',
    topics: 'Topics', customer_edited: 'Customer edited', confirmed: 'Appointment confirmed',
  },
  transfer: { title: 'Transfer {number}', service: 'To another service', agent: 'To an agent', any: 'Any', reason: 'Reason', submit: 'Transfer' },
  attention: {
    calling: 'Calling', attending: 'Attending', anonymous: 'Unregistered customer', recall: 'Call again', arrived: 'Customer arrived',
    finish: 'Finish attention', elapsed: 'Time in this state', service: 'Service', scheduled: 'Appointment', arrival: 'Arrival', recalls: 'Calls',
    customer: 'Customer', firstName: 'First name', lastName: 'Surname', email: 'E-mail', idNumber: 'ID number', phone: 'Phone', saveCustomer: 'Save customer',
    notes: 'Notes', notePlaceholder: 'Write a note for the timeline…', addNote: 'Add note', topics: 'Topics served', noTopics: 'This service has no topics.',
    noteAdded: 'Note added', customerSaved: 'Customer updated', timeline: 'Timeline',
  },
  tickets: {
    title: 'All tickets', tree: 'Services', allBranches: 'All branches', agents: 'Agents', noAgents: 'No agents', today: 'Today (live)', history: 'History',
    from: 'From', to: 'To', status: 'Status', anyStatus: 'Any status', search: 'Search', searchPlaceholder: 'Customer name or ID number', number: 'Number',
    generate: 'Generate ticket or appointment', empty: 'No tickets match these filters.', count: '{n} tickets', colNumber: 'Number', colStatus: 'Status', colService: 'Service',
    colCustomer: 'Customer', colAgent: 'Agent', colArrival: 'Arrival', requeue: 'Requeue', cancelTicket: 'Cancel ticket', follow: 'Follow live', reason: 'Reason',
    timelineOf: 'Timeline of {number}', clear: 'Clear filters', kindLabel: 'Kind',
  },
  generate: {
    title: 'Generate ticket or appointment', service: 'Service', kind: 'Kind', existing: 'Existing customer', newCustomer: 'New customer', noCustomer: 'No customer',
    searchCustomer: 'Search customer', scheduledAt: 'Appointment date and time', submit: 'Generate', created: '{number} generated',
  },
  profile: {
    title: 'My profile', firstName: 'First name', lastName: 'Surname', phone: 'Phone', email: 'E-mail', entity: 'Entity', branch: 'Branch', readOnly: 'Read-only',
    password: 'Change password', current: 'Current password', next: 'New password', confirm: 'Confirm new password', mismatch: 'The passwords differ.', changed: 'Password changed',
  },
  display: { calling: 'Now calling', desk: 'Desk', recent: 'Recent calls', nobody: 'Waiting for the next call', speech: 'Ticket {number}, please go to {desk}', sound: 'Enable sound' },
  kiosk: { title: 'Welcome', pick: 'Choose the service you need', yourTicket: 'Your ticket', follow: 'Follow your turn on your phone', again: 'Take another ticket', link: 'Open ticket status' },
  status: {
    title: 'Your ticket', ahead: 'People ahead of you', next: 'You are next!', calledTo: 'Please go to {desk}', attending: 'Being served at {desk}',
    ended: 'Your attention has ended. Thank you!', scheduled: 'Your appointment is booked.', invalid: 'This link is not valid.', live: 'Updates by itself',
  },
};
