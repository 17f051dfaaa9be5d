import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { chatWebhookUrlFrom, ChatWebhookSecretError } from '../core/chat-alerts.js';
import type { ChatWebhookSource, Clock } from '../ports/index.js';
import { systemClock } from './system-clock.js';

/** A container re-reads the URL this often, so a rotated (or revoked and replaced) webhook takes effect without a deploy. */
export const CHAT_WEBHOOK_CACHE_MS = 5 * 60 * 1000;

/**
 * The chat webhook URL from a Secrets Manager secret (its SecretString is the URL), validated and
 * kept for CHAT_WEBHOOK_CACHE_MS. Failures are not kept: the next record reads again, so a
 * created or corrected secret is picked up at once. Concurrent records share one read.
 */
export class SecretsManagerChatWebhook implements ChatWebhookSource {
  private cached: { url: string; readAt: number } | undefined;
  private reading: Promise<string> | undefined;

  constructor(
    private readonly client: SecretsManagerClient,
    readonly secretId: string,
    private readonly clock: Clock = systemClock,
    private readonly cacheMs = CHAT_WEBHOOK_CACHE_MS,
  ) {}

  url(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.readAt < this.cacheMs) return Promise.resolve(this.cached.url);
    this.reading ??= this.read(now).finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(now: number): Promise<string> {
    const result = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId }));
    if (!result.SecretString) throw new ChatWebhookSecretError(`the secret "${this.secretId}" has no string value; store the incoming-webhook URL as its SecretString`);
    const url = chatWebhookUrlFrom(result.SecretString, this.secretId);
    this.cached = { url, readAt: now };
    return url;
  }
}
