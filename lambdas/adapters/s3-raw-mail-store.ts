import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawMailLocation } from '../core/mail.js';
import type { RawMailStore } from '../ports/index.js';

export class S3RawMailStore implements RawMailStore {
  constructor(private readonly s3: S3Client) {}

  async open(location: RawMailLocation): Promise<AsyncIterable<Uint8Array>> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
    if (!object.Body) throw new Error('raw mail object has no body');
    return object.Body as AsyncIterable<Uint8Array>;
  }
}
