// Every shape that crosses a boundary (API, socket.io, both UIs, tests), defined once as zod
// schemas with their inferred types.
export * from './common.js';
export * from './realtime.js';
export * from './tickets.js';
export * from './shifts.js';
export * from './public.js';
export * from './monitor.js';
export * from './resources.js';
export * from './video.js';
export * from './system.js';
export * from './surveys.js';
