import { SendRawEmailCommand, type SendRawEmailCommandInput } from '@aws-sdk/client-ses';

/**
 * A SendRawEmail command for `message`, given in the parts it was composed in.
 * The request body (AWS query protocol) carries the mail base64-encoded, then
 * form-encoded; the SDK builds that as whole strings (the base64, its escaped
 * copy, the joined body) and then a buffer: about 5.7× the mail at once, the
 * largest allocation of a forward or relay with attachments. Here the command is
 * serialized with a short placeholder as its RawMessage.Data (what its `input`
 * shows), and the message's encoding is written into one buffer of the exact size
 * in its place: the same bytes as the SDK's, about 1.4× the mail, and the parts
 * are never joined.
 */
export function sendRawEmailCommand(input: Omit<SendRawEmailCommandInput, 'RawMessage'>, message: readonly Uint8Array[]): SendRawEmailCommand {
  const command = new SendRawEmailCommand({ ...input, RawMessage: { Data: PLACEHOLDER } });
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      if (typeof request.body !== 'string') throw new Error('SendRawEmail: the SDK no longer serializes a string body; the raw message cannot be put in place');
      request.body = spliceRawMessage(request.body, message);
      for (const name of Object.keys(request.headers)) if (name.toLowerCase() === 'content-length') delete request.headers[name];
      request.headers['content-length'] = String((request.body as Buffer).length);
      return next(args);
    },
    // Before the SDK's content-length (same step, normal priority) and the signature (a later step), which hashes the body.
    { step: 'build', priority: 'high', name: 'replylineRawMessageBody' },
  );
  return command;
}

/** 33 bytes (a multiple of 3): its base64 has no padding and no characters that form-encoding escapes. */
const PLACEHOLDER = Buffer.from('replyline-raw-message-placeholder');
const PLACEHOLDER_FIELD = `RawMessage.Data=${PLACEHOLDER.toString('base64')}`;

/** The form body with the placeholder replaced by `message`, base64- and form-encoded as the SDK encodes it. */
export function spliceRawMessage(body: string, message: readonly Uint8Array[]): Buffer {
  const at = body.indexOf(PLACEHOLDER_FIELD);
  const end = at + PLACEHOLDER_FIELD.length;
  if (at < 0 || body.indexOf(PLACEHOLDER_FIELD, end) >= 0 || !/^(&|$)/.test(body.slice(end))) {
    throw new Error('SendRawEmail: the serialized body does not hold the raw-message placeholder once; the raw message cannot be put in place');
  }
  const before = body.slice(0, at + 'RawMessage.Data='.length);
  const after = body.slice(end);
  const out = Buffer.allocUnsafe(Buffer.byteLength(before) + formEncodedBase64Length(message) + Buffer.byteLength(after));
  let offset = out.write(before, 0);
  offset = writeFormEncodedBase64(message, out, offset);
  offset += out.write(after, offset);
  if (offset !== out.length) throw new Error('SendRawEmail: raw-message body size mismatch');
  return out;
}

/*
 * Base64 is encoded here byte by byte rather than with Buffer#toString: that makes
 * strings (the size of the encoding, and again once escaped) that the heap keeps
 * until a collection, about as much memory again as the body itself.
 */
const ALPHABET = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const PERCENT = 0x25;
/** encodeURIComponent's escapes of the three base64 characters outside A–Z a–z 0–9: %2B (+), %2F (/), %3D (=). */
const ESCAPED_PLUS = [0x32, 0x42];
const ESCAPED_SLASH = [0x32, 0x46];
const ESCAPED_PAD = [0x33, 0x44];

/** Calls `visit` with each 6-bit value of the base64 encoding of the parts, joined; returns how many `=` pad it. */
function eachSextet(parts: readonly Uint8Array[], visit: (sextet: number) => void): number {
  let group = 0;
  let held = 0;
  for (const part of parts) {
    for (let index = 0; index < part.length; index++) {
      group = (group << 8) | part[index]!;
      if (++held < 3) continue;
      visit(group >> 18);
      visit((group >> 12) & 63);
      visit((group >> 6) & 63);
      visit(group & 63);
      group = 0;
      held = 0;
    }
  }
  if (held === 0) return 0;
  group <<= 8 * (3 - held);
  visit(group >> 18);
  visit((group >> 12) & 63);
  if (held === 2) visit((group >> 6) & 63);
  return 3 - held;
}

function formEncodedBase64Length(parts: readonly Uint8Array[]): number {
  let length = 0;
  const pads = eachSextet(parts, (sextet) => (length += sextet < 62 ? 1 : 3));
  return length + 3 * pads;
}

function writeFormEncodedBase64(parts: readonly Uint8Array[], out: Buffer, start: number): number {
  let offset = start;
  const escaped = (code: number[]) => {
    out[offset++] = PERCENT;
    out[offset++] = code[0]!;
    out[offset++] = code[1]!;
  };
  const pads = eachSextet(parts, (sextet) => {
    if (sextet < 62) out[offset++] = ALPHABET[sextet]!;
    else escaped(sextet === 62 ? ESCAPED_PLUS : ESCAPED_SLASH);
  });
  for (let pad = 0; pad < pads; pad++) escaped(ESCAPED_PAD);
  return offset;
}
