import type { SendRawEmailCommand } from '@aws-sdk/client-ses';

/**
 * SendRawEmail's body (AWS query protocol) carries the mail base64-encoded, then
 * form-encoded. The SDK builds it as whole strings (the base64, its escaped copy,
 * the joined body) and then a buffer: about 5.7× the mail at once, the largest
 * allocation of a forward with the original attached. Instead the command is
 * serialized with a short placeholder for the mail, and the mail's encoding is
 * written into one buffer of the exact size in its place: the same bytes, about
 * 1.4× the mail. The command's input keeps the real mail (mocks and logs see it).
 */
export function sendRawMessageDirectly(command: SendRawEmailCommand): void {
  const raw = command.input.RawMessage?.Data;
  if (!raw) return;
  command.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as SendRawEmailCommand['input'];
      return next({ ...args, input: { ...input, RawMessage: { ...input.RawMessage, Data: PLACEHOLDER } } });
    },
    { step: 'initialize', name: 'replylineRawMessagePlaceholder' },
  );
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      if (typeof request.body !== 'string') throw new Error('SendRawEmail: the SDK no longer serializes a string body; the raw message cannot be put in place');
      request.body = spliceRawMessage(request.body, raw);
      for (const name of Object.keys(request.headers)) if (name.toLowerCase() === 'content-length') delete request.headers[name];
      request.headers['content-length'] = String((request.body as Buffer).length);
      return next(args);
    },
    // Before the SDK's content-length (same step, normal priority) and the signature (a later step), which hashes the body.
    { step: 'build', priority: 'high', name: 'replylineRawMessageBody' },
  );
}

/** 33 bytes (a multiple of 3): its base64 has no padding and no characters that form-encoding escapes. */
const PLACEHOLDER = Buffer.from('replyline-raw-message-placeholder');
const PLACEHOLDER_FIELD = `RawMessage.Data=${PLACEHOLDER.toString('base64')}`;
/** Base64 is encoded in slices of this many bytes (a multiple of 3, so slices concatenate to the whole). */
const SLICE_BYTES = 3 * 256 * 1024;

/** The form body with the placeholder replaced by `raw`, base64- and form-encoded as the SDK encodes it. */
export function spliceRawMessage(body: string, raw: Uint8Array): Buffer {
  const at = body.indexOf(PLACEHOLDER_FIELD);
  const end = at + PLACEHOLDER_FIELD.length;
  if (at < 0 || body.indexOf(PLACEHOLDER_FIELD, end) >= 0 || !/^(&|$)/.test(body.slice(end))) {
    throw new Error('SendRawEmail: the serialized body does not hold the raw-message placeholder once; the raw message cannot be put in place');
  }
  const before = body.slice(0, at + 'RawMessage.Data='.length);
  const after = body.slice(end);
  const slices = function* () {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) yield bytes.subarray(start, start + SLICE_BYTES).toString('base64');
  };
  // Two passes over the slices: the first sizes the buffer, so the encoding is never held twice.
  let encodedLength = 0;
  for (const base64 of slices()) encodedLength += base64.length + 2 * countEscaped(base64);
  const out = Buffer.allocUnsafe(Buffer.byteLength(before) + encodedLength + Buffer.byteLength(after));
  let offset = out.write(before, 0);
  for (const base64 of slices()) offset += out.write(base64.replace(/[+/=]/g, escape), offset, 'latin1');
  offset += out.write(after, offset);
  if (offset !== out.length) throw new Error('SendRawEmail: raw-message body size mismatch');
  return out;
}

/** As the SDK's form encoding (encodeURIComponent) escapes the base64 alphabet's three non-alphanumerics. */
const ESCAPES: Record<string, string> = { '+': '%2B', '/': '%2F', '=': '%3D' };
const escape = (character: string) => ESCAPES[character]!;

function countEscaped(base64: string): number {
  let count = 0;
  for (let index = 0; index < base64.length; index++) {
    const code = base64.charCodeAt(index);
    if (code === 43 || code === 47 || code === 61) count++;
  }
  return count;
}
