import { createHash } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a ref read aloud or retyped is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REF_LENGTH = 6;
/** A ref as written anywhere, before normalising look-alike letters. */
const LOOSE_REF = /\bRL-([0-9A-Z]{6})\b/i;

/**
 * The thread ref for a new thread, derived from the mail's dedupe key so a
 * redelivered mail gets the same ref. `attempt` moves to the next candidate
 * after a (rare, ~1 in 10^9 per pair) collision.
 */
export function threadRefFor(seed: string, attempt = 0): string {
  const digest = createHash('sha256').update(`${seed}\u0000${attempt}`).digest();
  let ref = '';
  for (let index = 0; index < REF_LENGTH; index++) ref += ALPHABET[digest[index]! % 32];
  return `RL-${ref}`;
}

/** Reads a ref as a person may have typed it: case-insensitive, O→0, I/L→1. */
export function normalizeThreadRef(text: string): string | undefined {
  const match = LOOSE_REF.exec(text);
  if (!match) return undefined;
  const code = match[1]!.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return /U/.test(code) ? undefined : `RL-${code}`;
}
