import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawMailLocation } from '../core/mail.js';
import type { RawMailStore } from '../ports/index.js';

/** Small enough to hold in memory between the reads of one mail (parse, then attach or relay). */
const REMEMBERED_BYTES = 1024 * 1024;
/** Long enough for one delivery's second read, short enough that `forget` is not outlived for long. */
const REMEMBERED_MS = 60_000;

/**
 * Raw mail as SES stored it. A delivery reads one mail more than once (parsed first, then
 * attached to the team's copy or its attachments relayed): a small one is read from S3 once
 * and its bytes kept briefly; a large one is streamed on every read, never held in memory.
 * SES never rewrites a stored mail, so the bytes kept are the bytes in S3.
 */
export class S3RawMailStore implements RawMailStore {
  private remembered: { id: string; bytes: Uint8Array; until: number } | undefined;

  constructor(
    private readonly s3: S3Client,
    private readonly now: () => number = Date.now,
  ) {}

  async open(location: RawMailLocation): Promise<AsyncIterable<Uint8Array>> {
    const id = `${location.bucket}/${location.key}`;
    const kept = this.remembered;
    if (kept?.id === id && kept.until > this.now()) return oneChunk(kept.bytes);
    const object = await this.s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
    if (!object.Body) throw new Error('raw mail object has no body');
    if (object.ContentLength === undefined || object.ContentLength > REMEMBERED_BYTES) return object.Body as AsyncIterable<Uint8Array>;
    const bytes = await object.Body.transformToByteArray();
    // A cut-off download must fail (and be retried), never be kept and parsed as if whole.
    if (bytes.length !== object.ContentLength) throw new Error(`raw mail read ${bytes.length} of ${object.ContentLength} bytes`);
    this.remembered = { id, bytes, until: this.now() + REMEMBERED_MS };
    return oneChunk(bytes);
  }
}

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
