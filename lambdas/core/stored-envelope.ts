/**
 * What a stored raw mail says of its SMTP envelope: SES (and the local stand-in) put a
 * Return-Path and a Received header on top of every mail it stores. Used to put a stored
 * mail back on the inbound queue as SES announced it (replay, reconcile).
 */

/** Unfolded header fields of the top of a raw mail, names lowercased, in order (topmost first). */
export function headerFields(raw: Buffer | string, limit = 256 * 1024): [string, string][] {
  const text = typeof raw === 'string' ? raw.slice(0, limit) : raw.subarray(0, limit).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const fields: [string, string][] = [];
  for (const line of (end >= 0 ? text.slice(0, end) : text).split(/\r?\n/)) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) last[1] = `${last[1]} ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) fields.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return fields;
}

const ADDRESS = /[^\s<>,;:"()[\]]+@[^\s<>,;:"()[\]]+/g;

interface EnvelopeHints {
  /** From the Return-Path SES (and the local stand-in) put on top; '' for a bounce (`<>`). */
  envelopeSender: string | undefined;
  /** From the topmost Received "for <…>", else X-Original-To / Delivered-To. */
  recipients: string[];
  /** From the topmost Received header's date. */
  receivedAt: Date | undefined;
}

/** Pure: what the stored mail itself says about its SMTP envelope. */
export function envelopeHints(fields: [string, string][]): EnvelopeHints {
  const first = (name: string) => fields.find(([field]) => field === name)?.[1];
  const returnPath = first('return-path');
  const envelopeSender = returnPath === undefined ? undefined : (/<([^>]*)>/.exec(returnPath)?.[1] ?? returnPath).trim().toLowerCase();
  const received = first('received');
  const forClause = received ? /\bfor\s+<?([^\s<>;]+@[^\s<>;]+)>?/i.exec(received)?.[1] : undefined;
  const original = [first('x-original-to'), first('delivered-to')].flatMap((value) => value?.match(ADDRESS) ?? []);
  const recipients = forClause ? [forClause] : original;
  const dateText = received?.includes(';') ? received.slice(received.lastIndexOf(';') + 1).trim() : undefined;
  const date = dateText ? new Date(dateText) : undefined;
  return {
    envelopeSender,
    recipients: [...new Set(recipients.map((address) => address.toLowerCase()))],
    receivedAt: date && !Number.isNaN(date.getTime()) ? date : undefined,
  };
}
