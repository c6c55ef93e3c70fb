// Every workflow the worker registers. Only deterministic code may be imported from here; the
// clients beside the workflows (tickets/client.ts, shifts/client.ts) run in Node and stay out.
export { ticketWorkflow } from './tickets/workflow.js';
export { shiftWorkflow } from './shifts/workflow.js';
