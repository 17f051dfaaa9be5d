import { createTransport } from 'nodemailer';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { firstHeader } from '../../lambdas/core/mail.js';
import { isServiceAddress } from '../../lambdas/core/service-address.js';

interface SendOutcome {
  sent: number;
  failures: { name: string; reason: string }[];
}

/**
 * Delivers raw mails over SMTP like a sending MTA: the envelope sender is the
 * mail's Return-Path (empty for bounces) or From; recipients are `to`, else the
 * mail's own recipients that Replyline serves, else the first configured address.
 */
export async function sendFiles(
  files: { name: string; raw: Buffer }[],
  options: { host: string; port: number; to?: string | undefined; config: ReplylineConfig },
  progress?: (done: number, total: number) => void,
): Promise<SendOutcome> {
  const transport = createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 2 });
  const failures: SendOutcome['failures'] = [];
  let sent = 0;
  try {
    for (const [index, file] of files.entries()) {
      try {
        const mail = await parseMail(file.raw);
        const returnPath = firstHeader(mail, 'return-path');
        const from = returnPath !== undefined && /^<\s*>$/.test(returnPath.trim()) ? '' : (mail.from?.address ?? 'sender@localhost');
        const ours = [...mail.to, ...mail.cc].map((address) => address.address).filter((address) => isServiceAddress(address, options.config));
        const to = options.to ? [options.to] : ours.length ? ours : [options.config.addresses[0]!.address];
        await transport.sendMail({ envelope: { from, to }, raw: file.raw });
        sent++;
      } catch (error) {
        failures.push({ name: file.name, reason: (error as Error).message });
      }
      progress?.(index + 1, files.length);
    }
  } finally {
    transport.close();
  }
  return { sent, failures };
}
