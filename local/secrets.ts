import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { closeServer, listenOnLoopback, readBody } from './http.js';

/**
 * A minimal Secrets Manager stand-in speaking its JSON protocol (GetSecretValue,
 * CreateSecret, PutSecretValue), so the unchanged adapter reads secrets locally
 * through AWS_ENDPOINT_URL_SECRETS_MANAGER. Values persist in a JSON file under .replyline/.
 */
export interface LocalSecrets {
  url: string;
  put(name: string, value: string): void;
  stop(): Promise<void>;
}

export async function startLocalSecrets(options: { port: number; file: string }): Promise<LocalSecrets> {
  mkdirSync(dirname(options.file), { recursive: true });
  const secrets: Record<string, string> = existsSync(options.file) ? (JSON.parse(readFileSync(options.file, 'utf8')) as Record<string, string>) : {};
  const save = () => writeFileSync(options.file, JSON.stringify(secrets, null, 2), { mode: 0o600 });

  const server = createServer((req, res) => {
    void (async () => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, '');
      const body = JSON.parse(((await readBody(req)).toString('utf8')) || '{}') as { SecretId?: string; Name?: string; SecretString?: string };
      const reply = (status: number, payload: object) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        res.end(JSON.stringify(payload));
      };
      const name = body.SecretId ?? body.Name ?? '';
      const arn = `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}`;
      if (operation === 'GetSecretValue') {
        if (!(name in secrets)) return reply(400, { __type: 'ResourceNotFoundException', message: `Secrets Manager can't find the specified secret: ${name}` });
        return reply(200, { ARN: arn, Name: name, SecretString: secrets[name], VersionId: 'local', CreatedDate: 0 });
      }
      if (operation === 'CreateSecret' || operation === 'PutSecretValue') {
        secrets[name] = body.SecretString ?? '';
        save();
        return reply(200, { ARN: arn, Name: name, VersionId: 'local' });
      }
      return reply(400, { __type: 'UnknownOperationException', message: `local secrets support GetSecretValue, CreateSecret and PutSecretValue, not ${operation}` });
    })().catch((error: Error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ __type: 'InternalServiceError', message: error.message }));
    });
  });

  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    put: (name, value) => {
      secrets[name] = value;
      save();
    },
    stop: () => closeServer(server),
  };
}

/** A new random secret value (what CDK's generated secrets look like). */
export function randomSecretValue(): string {
  return randomBytes(32).toString('base64url');
}

