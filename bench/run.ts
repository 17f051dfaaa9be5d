import { parseArgs } from 'node:util';
import { benchAckLatency } from './ack-latency.js';
import { withEmulators } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values } = parseArgs({ options: { mails: { type: 'string', default: '40' }, warmup: { type: 'string', default: '10' } } });

await withEmulators(async (emulators) => {
  await benchAckLatency(emulators, Number(values.mails), Math.max(1, Number(values.warmup)));
});
process.exit(0);
