import { randomUUID } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws.js';
import { closeServer, listenOnLoopback, readBody } from './http.js';

/**
 * A minimal EventBridge stand-in speaking the PutEvents JSON protocol, so the
 * unchanged EventBridge adapter publishes locally through AWS_ENDPOINT_URL_EVENTBRIDGE.
 * Events are kept in memory (GET /events), appended to events.jsonl and printed.
 */
export interface LocalEvent {
  id: string;
  time: string;
  'event-bus-name': string;
  source: string;
  'detail-type': string;
  detail: Record<string, unknown>;
}

export interface LocalEventBus {
  url: string;
  events(): readonly LocalEvent[];
  /** Called for each event put; local rules (alerts, webhooks) subscribe here. */
  subscribe(listener: (event: LocalEvent) => void): () => void;
  stop(): Promise<void>;
}

/** A subset of EventBridge patterns: exact values or `{ "anything-but": [...] }` per top-level field. */
type LocalPatternValue = string[] | { 'anything-but': string[] };
interface LocalRule {
  busName: string;
  pattern: { source?: LocalPatternValue; 'detail-type'?: LocalPatternValue };
  /** Events that match are POSTed here as JSON, like a rule target… */
  targetUrl?: string;
  /** …or sent to this queue of the local SQS, the whole event as the body, like an SQS rule target. */
  targetQueueUrl?: string;
}

function matches(value: string, expected: LocalPatternValue | undefined): boolean {
  if (!expected) return true;
  if (Array.isArray(expected)) return expected.includes(value);
  return !expected['anything-but'].includes(value);
}

interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
}

export async function startLocalEventBus(options: { port: number; eventsFile: string; sqsEndpoint?: string; log?: ((line: string) => void) | undefined }): Promise<LocalEventBus> {
  mkdirSync(dirname(options.eventsFile), { recursive: true });
  const sqs = options.sqsEndpoint ? new SQSClient({ endpoint: options.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }) : undefined;
  const events: LocalEvent[] = [];
  const listeners = new Set<(event: LocalEvent) => void>();
  const rules: LocalRule[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'POST' && req.url === '/_local/rules') {
        rules.push(JSON.parse((await readBody(req)).toString('utf8')) as LocalRule);
        res.statusCode = 204;
        res.end();
        return;
      }
      if (req.method === 'GET' && req.url?.startsWith('/events')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(events));
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      if (req.method !== 'POST' || target !== 'AWSEvents.PutEvents') {
        res.statusCode = 400;
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `local event bus supports PutEvents only, not ${target || req.method}` }));
        return;
      }
      const body = JSON.parse(((await readBody(req)).toString('utf8')) || '{}') as { Entries?: PutEventsEntry[] };
      const results = (body.Entries ?? []).map((entry) => accept(entry));
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results }));
    })().catch((error: Error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ __type: 'InternalException', message: error.message }));
    });
  });

  function accept(entry: PutEventsEntry): { EventId: string } | { ErrorCode: string; ErrorMessage: string } {
    let detail: Record<string, unknown>;
    try {
      detail = JSON.parse(entry.Detail ?? '{}') as Record<string, unknown>;
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON' };
    }
    const event: LocalEvent = {
      id: randomUUID(),
      time: new Date().toISOString(),
      'event-bus-name': entry.EventBusName ?? 'default',
      source: entry.Source ?? '',
      'detail-type': entry.DetailType ?? '',
      detail,
    };
    events.push(event);
    appendFileSync(options.eventsFile, `${JSON.stringify(event)}\n`);
    options.log?.(`event  ${event['detail-type']}  ${summary(detail)}`);
    for (const listener of listeners) listener(event);
    for (const rule of rules) {
      if (rule.busName !== event['event-bus-name'] || !matches(event.source, rule.pattern.source) || !matches(event['detail-type'], rule.pattern['detail-type'])) continue;
      void deliverToTarget(rule, event).catch((error: Error) => options.log?.(`event  rule target ${rule.targetUrl ?? rule.targetQueueUrl} failed: ${error.message}`));
    }
    return { EventId: event.id };
  }

  /** The event as EventBridge hands it to a target: the rule's bus, source, detail-type and detail, plus ids. */
  async function deliverToTarget(rule: LocalRule, event: LocalEvent): Promise<void> {
    const body = JSON.stringify({ version: '0', ...event, account: '000000000000', region: LOCAL_REGION, resources: [] });
    if (rule.targetQueueUrl) {
      if (!sqs) throw new Error('the local bus was started without an SQS endpoint');
      await sqs.send(new SendMessageCommand({ QueueUrl: rule.targetQueueUrl, MessageBody: body }));
    }
    if (rule.targetUrl) await fetch(rule.targetUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }

  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    events: () => events,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => {
      await closeServer(server);
      sqs?.destroy();
    },
  };
}

function summary(detail: Record<string, unknown>): string {
  return ['threadRef', 'team', 'priority', 'minutesOverdue']
    .filter((key) => detail[key] !== undefined)
    .map((key) => `${key}=${String(detail[key])}`)
    .join(' ');
}

/** Adds a rule to the local bus at `busUrl`, as a stack's rule with a target (a client of the running bus). */
export async function addLocalRule(busUrl: string, rule: LocalRule): Promise<void> {
  const response = await fetch(`${busUrl}/_local/rules`, { method: 'POST', body: JSON.stringify(rule) });
  if (!response.ok) throw new Error(`the local bus refused the rule (${response.status})`);
}
