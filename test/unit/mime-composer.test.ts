import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { composeMime } from '../../lambdas/adapters/mime-composer.js';
import { outgoingMail } from '../support/outgoing-mail.js';
import type { RawMailStore } from '../../lambdas/ports/index.js';

/** A store that serves one mail in small chunks, as S3 streams it, and counts how often it is opened. */
function storeOf(raw: Buffer): RawMailStore & { opened: number } {
  const store = {
    opened: 0,
    open: async () => {
      store.opened++;
      return (async function* () {
        for (let start = 0; start < raw.length; start += 1000) yield raw.subarray(start, start + 1000);
      })();
    },
  };
  return store;
}

const base64Lines = (content: Buffer) => content.toString('base64').replace(/.{76}/g, '$&\r\n');

/** An agent's reply: text, an inline logo, a PDF, an attached .eml (ASCII) and a 3 MB archive. */
function agentReply(parts: { pdf: Buffer; archive: Buffer; logo: Buffer; eml: string }): Buffer {
  return Buffer.from(
    [
      'From: Mei Chen <mei.chen@mail.example.com>',
      'To: RL-ABC123@example.com',
      'Subject: Re: Broken kettle',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/related; boundary="related"',
      '',
      '--related',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Here is the label.</p><img src="cid:logo@example.com">',
      '--related',
      'Content-Type: image/png; name="logo.png"',
      'Content-Disposition: inline; filename="logo.png"',
      'Content-ID: <logo@example.com>',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(parts.logo),
      '--related--',
      '--outer',
      'Content-Type: application/pdf; name="label.pdf"',
      'Content-Disposition: attachment; filename="../../label.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(parts.pdf),
      '--outer',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="earlier.eml"',
      '',
      parts.eml,
      '--outer',
      'Content-Type: application/zip; name="photos.zip"',
      'Content-Disposition: attachment; filename="photos.zip"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(parts.archive),
      '--outer--',
      '',
    ].join('\r\n'),
  );
}

const relay = outgoingMail({
  from: { address: 'support@example.com', name: 'Mei Chen (Example Support)' },
  subject: 'Re: Broken kettle [#RL-ABC123]',
  text: 'Here is the label.\n',
  messageId: 'relay-1@example.com',
  attachments: [{ kind: 'attachments-of', location: { bucket: 'raw', key: 'inbound/reply' } }],
  trackingKey: 'relay_1',
});

describe('re-attaching the attachments of a stored mail (streamed, not held decoded)', () => {
  it('passes on every attachment that is not inline, with its content, name and type', async () => {
    const parts = {
      pdf: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)]),
      archive: Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(3 * 1024 * 1024)]),
      logo: randomBytes(2_000),
      eml: ['Subject: earlier', 'From: customer@customer.example.org', '', 'The kettle leaks.', ''].join('\r\n'),
    };
    const store = storeOf(agentReply(parts));
    const composed = await composeMime(relay, store);

    const sent = await simpleParser(composed);
    expect(sent.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      ['label.pdf', 'application/pdf'],
      ['earlier.eml', 'message/rfc822'],
      ['photos.zip', 'application/zip'],
    ]);
    expect(sent.attachments[0]!.content.equals(parts.pdf)).toBe(true);
    expect(sent.attachments[2]!.content.equals(parts.archive)).toBe(true);
    expect(composed.toString('latin1')).toMatch(/Content-Type: message\/rfc822; name=earlier\.eml\r\nContent-Transfer-Encoding: 7bit\r\nContent-Disposition: attachment; filename=earlier\.eml\r\n\r\nSubject: earlier\r\n/);
    // Listed in a first pass, streamed in a second.
    expect(store.opened).toBe(2);
  });

  it('labels an attached message with 8-bit content 8bit, as for a buffered one', async () => {
    const eml = ['Subject: früher', 'From: customer@customer.example.org', '', 'Der Wasserkocher ist undicht.', ''].join('\r\n');
    const composed = await composeMime(relay, storeOf(agentReply({ pdf: Buffer.from('%PDF'), archive: Buffer.from('PK'), logo: Buffer.from('png'), eml })));
    expect(composed.toString('latin1')).toMatch(/Content-Type: message\/rfc822; name=earlier\.eml\r\nContent-Transfer-Encoding: 8bit\r\n/);
  });

  it('fails the composition when the stored mail breaks off while its attachments stream', async () => {
    const raw = agentReply({ pdf: randomBytes(200_000), archive: randomBytes(200_000), logo: randomBytes(100), eml: 'Subject: x\r\n\r\ny\r\n' });
    let opened = 0;
    const breaksOnSecondRead: RawMailStore = {
      open: async () => {
        const breakAt = ++opened === 2 ? raw.length / 2 : Infinity;
        return (async function* () {
          for (let start = 0; start < raw.length; start += 1000) {
            if (start > breakAt) throw new Error('connection reset');
            yield raw.subarray(start, start + 1000);
          }
        })();
      },
    };
    await expect(composeMime(relay, breaksOnSecondRead)).rejects.toThrow(/connection reset/);
  });
});
