import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * The shape every contract suite here shares: a suite's cases are written once, in a
 * `describe…Contract(name, open)` function, and each test file calls it twice, with the in-memory
 * fake (test/support/memory-ports.ts) and with the DynamoDB adapter on the test DynamoDB Local.
 * A side is opened by `open`, which returns the port and whatever the cases seed it or observe it
 * by (through the same way production does where there is one), and how to close it.
 */
export interface Opened<Subject> {
  subject: Subject;
  close?: () => void | Promise<void>;
}

export type Open<Subject> = () => Promise<Opened<Subject>>;

/**
 * Opens the side once for all the suite's cases (`all`: each case keys its own records, see
 * `uniqueIds`) or afresh for each case (`each`: for a port with one item per table). Call it inside
 * the suite's `describe`; the getter it returns gives the open subject inside a case.
 */
export function openSide<Subject>(open: Open<Subject>, scope: 'all' | 'each'): () => Subject {
  let opened: Opened<Subject> | undefined;
  const up = async () => {
    opened = await open();
  };
  const down = async () => {
    await opened?.close?.();
    opened = undefined;
  };
  if (scope === 'all') {
    beforeAll(up);
    afterAll(down);
  } else {
    beforeEach(up);
    afterEach(down);
  }
  return () => {
    if (!opened) throw new Error('the contract side is not open');
    return opened.subject;
  };
}

/** Keys of their own for every case of a suite that shares one store between its cases. */
export function uniqueIds(domain = 'customer.example.org'): (label: string) => string {
  let counter = 0;
  return (label) => `${label}-${++counter}@${domain}`;
}
