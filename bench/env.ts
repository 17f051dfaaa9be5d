// Imported first by run.ts: ESM evaluates imports in order, so these hold before any handler module loads.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// Handlers write EMF metrics to stdout; here they would mix into the tables and the --json object.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'WARN';
