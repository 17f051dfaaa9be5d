import type { ThreadRecord } from '../records.js';
import type { PendingSlaEmission, SlaIndexEntry } from '../../ports/sla-sweep.js';

/** What the sweep works on at one instant: a thread to decide, or the pending emissions of an interrupted sweep. */
export interface EntryGroup {
  ref: string;
  at: Date;
  thread: ThreadRecord | undefined;
  pending: PendingSlaEmission[];
}

/** By instant; a thread's pending emissions due together are published together, warning first. */
export function groupEntries(entries: SlaIndexEntry[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  const pendingGroups = new Map<string, EntryGroup>();
  const seenThreads = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'thread') {
      // A thread appears once per index; guard against a page boundary repeating it anyway.
      if (seenThreads.has(entry.thread.ref)) continue;
      seenThreads.add(entry.thread.ref);
      groups.push({ ref: entry.thread.ref, at: entry.at, thread: entry.thread, pending: [] });
      continue;
    }
    const id = `${entry.emission.ref}@${entry.at.toISOString()}`;
    const existing = pendingGroups.get(id);
    if (existing) existing.pending.push(entry.emission);
    else {
      const group: EntryGroup = { ref: entry.emission.ref, at: entry.at, thread: undefined, pending: [entry.emission] };
      pendingGroups.set(id, group);
      groups.push(group);
    }
  }
  for (const group of pendingGroups.values()) group.pending.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'warning' ? -1 : 1));
  return groups.sort((a, b) => a.at.getTime() - b.at.getTime());
}
