import type { SideEffect } from './records.js';

/** What the deliver function owes a routed mail: the delivery, then its Thread Routed event. */
export const DELIVER_EFFECTS = ['deliver', 'announce-routed'] as const satisfies readonly SideEffect[];
