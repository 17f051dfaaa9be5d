import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3RawMailStore } from '../../lambdas/adapters/s3-raw-mail-store.js';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

/** A GetObject answer as the SDK gives it: a stream that can also be read whole. */
const objectOf = (bytes: Buffer, contentLength = bytes.length) => ({
  Body: Object.assign(Readable.from([bytes]), { transformToByteArray: async () => new Uint8Array(bytes) }) as never,
  ContentLength: contentLength,
});
async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
const location = { bucket: 'mail', key: 'inbound/r1' };

describe('raw mail read from S3', () => {
  it('reads a small mail once for a delivery that opens it twice (parse, then attach)', async () => {
    const mail = Buffer.from('Subject: Hi\r\n\r\nWhere is my order?\r\n');
    s3.on(GetObjectCommand).callsFake(() => objectOf(mail));
    let now = 0;
    const store = new S3RawMailStore(new S3Client({ region: 'us-east-1' }), () => now);
    expect(await text(await store.open(location))).toBe(mail.toString());
    expect(await text(await store.open(location))).toBe(mail.toString());
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
    // Kept only briefly: a read a while later goes to S3 again (the mail may have been forgotten).
    now += 120_000;
    await store.open(location);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(2);
  });

  it('streams a large mail on every read instead of holding it in memory', async () => {
    s3.on(GetObjectCommand).callsFake(() => objectOf(Buffer.from('x'), 5 * 1024 * 1024));
    const store = new S3RawMailStore(new S3Client({ region: 'us-east-1' }));
    await store.open(location);
    await store.open(location);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(2);
  });

  it('fails a cut-off download, so the mail is read again instead of parsed half', async () => {
    s3.on(GetObjectCommand).callsFake(() => objectOf(Buffer.from('Subject: Hi\r\n'), 400));
    const store = new S3RawMailStore(new S3Client({ region: 'us-east-1' }));
    await expect(store.open(location)).rejects.toThrow('raw mail read 13 of 400 bytes');
    s3.on(GetObjectCommand).callsFake(() => objectOf(Buffer.from('Subject: Hi\r\n')));
    expect(await text(await store.open(location))).toBe('Subject: Hi\r\n');
  });
});
