import type { OperatorIo } from '../../tools/operator/cli.js';
import type { OperatorTarget } from '../../tools/operator/target.js';

/** An operator command's io, pointed at a test's target, with what it prints captured. */
export function captureOperatorIo(target: OperatorTarget, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: OperatorIo = { stdout: { write: (text: string) => out.push(text), isTTY: tty }, stderr: { write: (text: string) => err.push(text) }, target };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
