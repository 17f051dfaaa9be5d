/**
 * Every function's wiring in one import, for local mode, tests and benchmarks. The handlers
 * import their own module (`<function>-wiring.ts`) instead, so that a function's bundle holds
 * only the adapters and SDK clients that function uses.
 */
export { createSla } from './sla-calendars.js';
export { systemClock } from './system-clock.js';
export { createIngestDependencies } from './ingest-wiring.js';
export { createDeliverDependencies } from './deliver-wiring.js';
export { createAgentEventDependencies } from './agent-events-wiring.js';
export { createFeedbackDependencies } from './feedback-wiring.js';
