import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createTransport } from 'nodemailer';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { splitSubaddress } from '../../lambdas/core/service-address.js';
import { threadAddress } from '../../lambdas/core/threading.js';
import { keys } from '../../lambdas/adapters/table-layout.js';
import { DynamoThreadStore } from '../../lambdas/adapters/dynamo-thread-store.js';
import type { InboundProcessing } from '../../lambdas/core/records.js';
import { normalizeThreadRef } from '../../lambdas/core/thread-ref.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws.js';
import { LOCAL_INSTANCE_NAME, type LocalPorts } from '../../local/stack.js';
import { localResourceNames } from '../../local/resources.js';

/** A mistake the user can fix, printed as one line without a stack trace. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
}

/**
 * The mailbox `--from` names: an agent's id or name (as the usage line suggests, `--from mei`), or one of
 * their mailboxes. Anything else is refused with the agents there are: a reply from an address that is
 * no agent's would be taken as a stranger writing to the thread and quarantined.
 */
export function agentMailbox(from: string | undefined, config: ReplylineConfig): { address: string; name: string } {
  const agents = Object.entries(config.agents);
  const known = agents.map(([id, agent]) => `${id} (${agent.mailboxes.join(', ')})`).join(', ') || 'none configured';
  const wanted = from?.trim().toLowerCase();
  const match = wanted
    ? agents.find(([id, agent]) => id.toLowerCase() === wanted || agent.name.toLowerCase() === wanted || agent.mailboxes.includes(wanted))
    : agents.find(([, agent]) => agent.mailboxes.length > 0);
  if (!match) throw new ClientError(from ? `--from "${from}" is not an agent of the config; agents: ${known}` : 'no agent with a mailbox in the config; add one under "agents"');
  const [, agent] = match;
  const address = wanted && agent.mailboxes.includes(wanted) ? wanted : agent.mailboxes[0];
  if (!address) throw new ClientError(`agent "${match[0]}" has no mailbox to reply from; add one under agents.${match[0]}.mailboxes`);
  return { address, name: agent.name };
}

/** How long `reply` waits for Replyline to record the reply before saying it does not know yet. */
const RECORDED_WITHIN_MS = 15_000;

/**
 * Plays an agent answering from their mail client against the running local stack:
 * looks the thread up, signs its thread address with the local key, and sends the
 * agent's mail over SMTP, so it takes the same path a real reply takes.
 */
export async function sendAgentReply(input: {
  ref: string;
  from: string | undefined;
  text: string;
  config: ReplylineConfig;
  ports: LocalPorts;
  instance?: string;
}): Promise<{ to: string; from: string; outcome: InboundProcessing | undefined }> {
  const ref = normalizeThreadRef(input.ref);
  if (!ref) throw new ClientError(`"${input.ref}" is not a thread ref; a ref looks like RL-7K3F9Q (see npx replyline threads)`);
  const agent = agentMailbox(input.from, input.config);
  const names = localResourceNames(input.instance ?? LOCAL_INSTANCE_NAME);
  const clientOptions = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...clientOptions, endpoint: `http://127.0.0.1:${input.ports.dynamodb}` }));
  const secrets = new SecretsManagerClient({ ...clientOptions, endpoint: `http://127.0.0.1:${input.ports.secrets}` });
  try {
    const thread = (await db.send(new GetCommand({ TableName: names.table, Key: keys.thread(ref) }))).Item;
    if (!thread) throw new ClientError(`no thread ${ref} in the local stack; npx replyline threads lists the threads there are`);
    const key = (await secrets.send(new GetSecretValueCommand({ SecretId: names.threadKeySecret }))).SecretString!;
    const to = threadAddress(ref, splitSubaddress(String(thread.serviceAddress)).base, key);
    const messageId = `agent-reply-${randomBytes(8).toString('hex')}@${input.config.domain}`;
    const transport = createTransport({ host: '127.0.0.1', port: input.ports.smtp, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ from: { name: agent.name, address: agent.address }, to, subject: `Re: [${ref}] ${String(thread.subject)}`, text: input.text, messageId: `<${messageId}>` });
    } finally {
      transport.close();
    }
    return { to, from: agent.address, outcome: await recordedOutcome(db, names.table, messageId) };
  } finally {
    db.destroy();
    secrets.destroy();
  }
}

/** What Replyline recorded for the reply once nothing is pending: relayed, or held back and why; undefined if not within the wait. */
async function recordedOutcome(db: DynamoDBDocumentClient, table: string, messageId: string): Promise<InboundProcessing | undefined> {
  const store = new DynamoThreadStore(db, table);
  const deadline = Date.now() + RECORDED_WITHIN_MS;
  while (Date.now() < deadline) {
    const processing = await store.getProcessing(messageId);
    if (processing && !processing.pending.length) return processing;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}
