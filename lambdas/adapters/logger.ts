import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per function. Callers log refs, codes and masked addresses only — never bodies or full addresses. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO') ?? 'INFO' });
}
