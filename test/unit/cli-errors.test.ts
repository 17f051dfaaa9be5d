import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentMailbox } from '../../tools/client/reply.js';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';

const ROOT = join(import.meta.dirname, '../..');
const CONFIG = join(ROOT, 'replyline.config.json');
const FREE_PORTS = Object.fromEntries(['DYNAMODB', 'S3', 'SQS', 'SES', 'EVENTS', 'SECRETS', 'SMTP'].map((name) => [`REPLYLINE_${name}_PORT`, '0']));

/** The replyline command as a user runs it, in a directory of its own; what it printed and its exit code. */
function replyline(args: string[], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'replyline-cli-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'cli/replyline.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'ERROR', ...env }, timeout: 90_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mistakes a newcomer makes get one line saying what to do, never a stack trace', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });

  it('send on a directory', () => {
    const result = replyline(['send', join(ROOT, 'samples'), '--config', CONFIG]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`send: ${join(ROOT, 'samples')} is a directory; give the .eml files in it, e.g. npx replyline send ${join(ROOT, 'samples')}/*.eml\n`);
  });

  it('npm start without Java', { timeout: 120_000 }, () => {
    const result = replyline(['start', '--config', CONFIG], { ...FREE_PORTS, PATH: '/nonexistent' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DynamoDB Local needs Java, and there is no java on the PATH: install a Java 17\+ runtime \(Debian\/Ubuntu: sudo apt-get install openjdk-17-jre-headless/)]);
  });

  it('npm start on a port another program holds names the variable that moves it', { timeout: 120_000 }, async () => {
    const server = createServer();
    servers.push(server);
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    const result = replyline(['start', '--config', CONFIG], { ...FREE_PORTS, REPLYLINE_SES_PORT: String(port) });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`port ${port} is in use (another npm start, or another program): stop it, or set REPLYLINE_SES_PORT to a free port\n`);
  });

  it('reply with a malformed thread ref', () => {
    const result = replyline(['reply', 'RL-12', '--config', CONFIG]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('"RL-12" is not a thread ref; a ref looks like RL-7K3F9Q (see npx replyline threads)\n');
  });

  it('reply --from takes an agent id, name or mailbox, and refuses an address that is no agent', () => {
    const config = readConfigFile(CONFIG);
    const [id, agent] = Object.entries(config.agents)[0]!;
    expect(agentMailbox(id, config)).toEqual({ address: agent.mailboxes[0], name: agent.name });
    expect(agentMailbox(agent.name.toUpperCase(), config).address).toBe(agent.mailboxes[0]);
    expect(agentMailbox(agent.mailboxes[0], config).address).toBe(agent.mailboxes[0]);
    expect(agentMailbox(undefined, config).address).toBe(agent.mailboxes[0]);
    expect(() => agentMailbox('someone@else.example', config)).toThrow(`--from "someone@else.example" is not an agent of the config; agents: ${id} (`);
  });
});
