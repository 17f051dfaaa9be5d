import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createTransport } from 'nodemailer';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { splitSubaddress } from '../../lambdas/core/service-address.js';
import { threadAddress } from '../../lambdas/core/threading.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { normalizeThreadRef } from '../../lambdas/core/thread-ref.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.js';
import { LOCAL_INSTANCE_NAME, type LocalPorts } from '../../local/stack.js';
import { localResourceNames } from '../../local/resources.js';

/**
 * Plays an agent answering from their mail client against the running local stack:
 * looks the thread up, signs its thread address with the local key, and sends the
 * agent's mail over SMTP, so it takes the same path a real reply takes.
 */
export async function sendAgentReply(input: { ref: string; from: string; text: string; config: ReplylineConfig; ports: LocalPorts; instance?: string }): Promise<{ to: string }> {
  const ref = normalizeThreadRef(input.ref);
  if (!ref) throw new Error(`"${input.ref}" is not a thread ref like RL-7K3F9Q`);
  const names = localResourceNames(input.instance ?? LOCAL_INSTANCE_NAME);
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...clientOptions, endpoint: `http://127.0.0.1:${input.ports.dynamodb}` }));
  const secrets = new SecretsManagerClient({ ...clientOptions, endpoint: `http://127.0.0.1:${input.ports.secrets}` });
  try {
    const thread = (await db.send(new GetCommand({ TableName: names.table, Key: keys.thread(ref) }))).Item;
    if (!thread) throw new Error(`no thread ${ref} in the local stack`);
    const key = (await secrets.send(new GetSecretValueCommand({ SecretId: names.threadKeySecret }))).SecretString!;
    const to = threadAddress(ref, splitSubaddress(String(thread.serviceAddress)).base, key);
    const agentName = Object.values(input.config.agents).find((agent) => agent.mailboxes.includes(input.from.toLowerCase()))?.name ?? '';
    const transport = createTransport({ host: '127.0.0.1', port: input.ports.smtp, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: agentName ? { name: agentName, address: input.from } : input.from, to, subject: `Re: [${ref}] ${String(thread.subject)}`, text: input.text });
    transport.close();
    return { to };
  } finally {
    db.destroy();
    secrets.destroy();
  }
}
