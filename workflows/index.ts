// Every workflow the worker registers. Only deterministic code may be imported from here.
export { ticketWorkflow } from './tickets/workflow.js';
export { shiftWorkflow } from './shifts/workflow.js';
