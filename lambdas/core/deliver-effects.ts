import type { SideEffect } from '../ports/index.js';

/** What the deliver function owes a routed mail: the delivery, then its Thread Routed event. */
export const DELIVER_EFFECTS = ['deliver', 'announce-routed'] as const satisfies readonly SideEffect[];
