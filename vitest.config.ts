import { defineConfig } from 'vitest/config';

const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // Handlers must never reach real AWS from tests, whatever the developer's shell holds.
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_REGION: 'us-east-1',
  AWS_PROFILE: '',
  LOG_LEVEL: 'WARN',
  // EMF metrics go to stdout; CloudWatch reads them on AWS, here they would only be noise.
  POWERTOOLS_METRICS_DISABLED: 'true',
};

// Two cores here: keep parallelism modest.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    env,
    projects: [
      {
        // A loaded machine is the normal case: a budget, not a timing assertion (some tests generate whole lexicons).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env, testTimeout: 30_000 },
      },
      {
        test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'], env, testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/privacy-capture.ts'],
          // Thousands of injected failures are logged on purpose; the suite reads them through the log observer.
          env: { ...env, LOG_LEVEL: 'SILENT' },
          testTimeout: 900_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/contract/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/privacy-capture.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
