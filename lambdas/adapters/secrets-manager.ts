import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Secrets } from '../ports/index.js';

/** Reads secrets from Secrets Manager once per cold start; a rotation reaches new cold starts. */
export class SecretsManagerSecrets implements Secrets {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly threadKeySecretId?: string,
  ) {}

  threadAddressKey(): Promise<string> {
    if (!this.threadKeySecretId) return Promise.reject(new Error('this function was not given the thread-address key (THREAD_KEY_SECRET_ID)'));
    return this.value(this.threadKeySecretId);
  }

  /** A secret's string value; failures are not cached, so the next record tries again. */
  value(secretId: string): Promise<string> {
    let pending = this.cache.get(secretId);
    if (!pending) {
      pending = this.client.send(new GetSecretValueCommand({ SecretId: secretId })).then((result) => {
        if (!result.SecretString) throw new Error(`secret ${secretId} has no string value`);
        return result.SecretString;
      });
      pending.catch(() => this.cache.delete(secretId));
      this.cache.set(secretId, pending);
    }
    return pending;
  }
}
