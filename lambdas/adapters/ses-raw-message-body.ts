import { SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';

/**
 * An SES v2 SendEmail command whose raw content is `message`, given in the parts it
 * was composed in. The request body (JSON) carries the mail base64-encoded; the SDK
 * takes the message as one buffer (the parts joined) and builds a base64 string of
 * it before the body's bytes: about 3.7× the mail on top of the parts, the largest
 * allocations of a forward or relay with attachments. Here the command is serialized
 * with a short placeholder as its Content.Raw.Data (what its `input` shows), and the
 * message's base64 is written into one buffer of the exact size in its place: the
 * same bytes as the SDK's, about 1.34× the mail, and the parts are never joined.
 */
export function sendEmailCommand(input: Omit<SendEmailCommandInput, 'Content'>, message: readonly Uint8Array[]): RawContentCommand {
  const command = Object.assign(new SendEmailCommand({ ...input, Content: { Raw: { Data: PLACEHOLDER } } }), { rawContent: message });
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body instanceof Uint8Array ? request.body : undefined;
      if (!body) throw new Error('SendEmail: the SDK no longer serializes the body as text or bytes; the raw message cannot be put in place');
      const spliced = spliceRawContent(body, message);
      request.body = spliced;
      for (const name of Object.keys(request.headers)) if (name.toLowerCase() === 'content-length') delete request.headers[name];
      request.headers['content-length'] = String(spliced.length);
      return next(args);
    },
    // Before the SDK's content-length (same step, normal priority) and the signature (a later step), which hashes the body.
    { step: 'build', priority: 'high', name: 'replylineRawContentBody' },
  );
  return command;
}

/** A SendEmail command and the raw message it sends in place of its input's placeholder. */
export type RawContentCommand = SendEmailCommand & { readonly rawContent: readonly Uint8Array[] };

/** 33 bytes (a multiple of 3): its base64 has no padding, and JSON writes base64 unescaped. */
const PLACEHOLDER = Buffer.from('replyline-raw-message-placeholder');
const PLACEHOLDER_FIELD = Buffer.from(`"Data":"${PLACEHOLDER.toString('base64')}"`);
const FIELD_START = Buffer.from('"Data":"');

/** The JSON body with the placeholder replaced by `message` in base64, as the SDK encodes it. */
export function spliceRawContent(body: Uint8Array, message: readonly Uint8Array[]): Buffer {
  const json = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const at = json.indexOf(PLACEHOLDER_FIELD);
  const end = at + PLACEHOLDER_FIELD.length;
  if (at < 0 || json.indexOf(PLACEHOLDER_FIELD, end) >= 0) {
    throw new Error('SendEmail: the serialized body does not hold the raw-content placeholder once; the raw message cannot be put in place');
  }
  const before = json.subarray(0, at + FIELD_START.length);
  const after = json.subarray(end - 1); // from the closing quote on
  const out = Buffer.allocUnsafe(before.length + base64Length(message) + after.length);
  let offset = before.copy(out, 0);
  offset = writeBase64(message, out, offset);
  offset += after.copy(out, offset);
  if (offset !== out.length) throw new Error('SendEmail: raw-content body size mismatch');
  return out;
}

function base64Length(parts: readonly Uint8Array[]): number {
  return 4 * Math.ceil(parts.reduce((sum, part) => sum + part.length, 0) / 3);
}

const ALPHABET = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 0x3d;

/**
 * Base64 of the parts, joined, written into `out` from `start`, byte by byte: Buffer#toString
 * would make strings (in slices or whole) that stay on the heap until a collection, up to
 * about as much memory again as the body itself.
 */
function writeBase64(parts: readonly Uint8Array[], out: Buffer, start: number): number {
  let offset = start;
  // A 3-byte group that a part boundary cut: its bytes so far.
  let group = 0;
  let held = 0;
  const emit = (bits: number) => {
    out[offset] = ALPHABET[bits >>> 18]!;
    out[offset + 1] = ALPHABET[(bits >>> 12) & 63]!;
    out[offset + 2] = ALPHABET[(bits >>> 6) & 63]!;
    out[offset + 3] = ALPHABET[bits & 63]!;
    offset += 4;
  };
  for (const part of parts) {
    let index = 0;
    while (held > 0 && index < part.length) {
      group = (group << 8) | part[index++]!;
      if (++held === 3) {
        emit(group);
        group = 0;
        held = 0;
      }
    }
    const whole = index + (part.length - index) - ((part.length - index) % 3);
    for (; index < whole; index += 3) emit((part[index]! << 16) | (part[index + 1]! << 8) | part[index + 2]!);
    for (; index < part.length; index++) {
      group = (group << 8) | part[index]!;
      held++;
    }
  }
  if (held > 0) {
    group <<= 8 * (3 - held);
    out[offset++] = ALPHABET[group >>> 18]!;
    out[offset++] = ALPHABET[(group >>> 12) & 63]!;
    out[offset++] = held === 2 ? ALPHABET[(group >>> 6) & 63]! : PAD;
    out[offset++] = PAD;
  }
  return offset;
}
