#!/usr/bin/env node
// Entry of the `replyline` command: runs the TypeScript CLI through tsx, so there is no build step.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Locally, EMF metric documents would only clutter the console (CloudWatch reads them on AWS).
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
await import('../tools/cli.ts');
