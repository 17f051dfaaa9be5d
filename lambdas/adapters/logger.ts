import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per function (Powertools: JSON lines, CloudWatch-ready).
 * Callers log refs, codes and masked addresses only — never bodies or full
 * addresses; `test/integration/privacy.test.ts` checks that on everything logged.
 */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LogEntry {
  service: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
  fields: Record<string, unknown>;
}

const observers = new Set<(entry: LogEntry) => void>();

/** Sees every entry, whatever LOG_LEVEL filters out of the output (tests: privacy scan, fault reasons). */
export function observeLogs(observer: (entry: LogEntry) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function createLogger(serviceName: string): Log {
  const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO') ?? 'INFO' });
  const emit = (level: LogEntry['level'], message: string, fields: Record<string, unknown> = {}) => {
    if (level === 'INFO') logger.info(message, fields);
    else if (level === 'WARN') logger.warn(message, fields);
    else logger.error(message, fields);
    for (const observer of observers) observer({ service: serviceName, level, message, fields });
  };
  return {
    info: (message, fields) => emit('INFO', message, fields),
    warn: (message, fields) => emit('WARN', message, fields),
    error: (message, fields) => emit('ERROR', message, fields),
  };
}

/**
 * A failure as a log field: error class and message (cut to 300 characters) only. The core's,
 * the parser's and the SDK's messages never hold a mail body, a subject, an address or a URL.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return String(error);
}
