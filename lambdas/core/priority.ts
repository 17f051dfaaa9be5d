import { PRIORITIES, type Priority } from '../schemas/vocabulary.js';

/** One step more urgent (escalation), never past `urgent`. */
export function raisePriority(priority: Priority): Priority {
  return PRIORITIES[Math.max(0, PRIORITIES.indexOf(priority) - 1)]!;
}

export function isHigherPriority(a: Priority, b: Priority): boolean {
  return PRIORITIES.indexOf(a) < PRIORITIES.indexOf(b);
}
