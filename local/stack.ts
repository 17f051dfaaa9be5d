// local/: the local emulator runtime `npm start` runs (emulators, local bus, queue pollers, SMTP inbound, SES outbox proxy, SLA timer, alerts, instance wiring, resources).
import { rmSync } from 'node:fs';
import { DEFAULT_PORTS, startEmulators, type EmulatorPorts, type Emulators } from './emulators.js';
import { startInstance, type LocalInstance } from './instance.js';
import { startLocalAlerts, storeLocalChatWebhook } from './alerts.js';

export interface LocalPorts extends EmulatorPorts {
  smtp: number;
}

const DEFAULT_LOCAL_PORTS: LocalPorts = { ...DEFAULT_PORTS, smtp: 2525 };

/** Name of the instance `npm start` runs: the prefix of its resources' names (localResourceNames). */
export const LOCAL_INSTANCE_NAME = 'replyline';

/** Ports for `npm start`: defaults, each overridable by REPLYLINE_<NAME>_PORT (e.g. REPLYLINE_SMTP_PORT). */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  const ports = { ...DEFAULT_LOCAL_PORTS };
  for (const name of Object.keys(ports) as (keyof LocalPorts)[]) {
    const value = env[`REPLYLINE_${name.toUpperCase()}_PORT`];
    if (value === undefined) continue;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`REPLYLINE_${name.toUpperCase()}_PORT must be a port number, got "${value}"`);
    ports[name] = port;
  }
  return ports;
}

interface LocalStack {
  emulators: Emulators;
  instance: LocalInstance;
  stop(): Promise<void>;
}

/** The whole local Replyline: emulators plus one instance named LOCAL_INSTANCE_NAME (`replyline`). */
export async function startLocalStack(options: {
  stateDir: string;
  configFile: string;
  ports: LocalPorts;
  fresh?: boolean;
  persist?: boolean;
  /** Speed-up of the SLA sweeper's clock, so a 4-hour promise breaches within minutes (1 = real time). */
  timeScale?: number;
  log?: (line: string) => void;
  /** Where REPLYLINE_CHAT_WEBHOOK_URL is read (default: process.env). */
  env?: NodeJS.ProcessEnv;
}): Promise<LocalStack> {
  if (options.fresh) rmSync(options.stateDir, { recursive: true, force: true });
  const emulators = await startEmulators({ ports: options.ports, stateDir: options.stateDir, persist: options.persist ?? true, log: options.log });
  try {
    const instance = await startInstance(emulators.endpoints, {
      name: LOCAL_INSTANCE_NAME,
      configFile: options.configFile,
      smtpPort: options.ports.smtp,
      sla: { timeScale: options.timeScale ?? 1 },
      log: options.log,
    });
    const log = options.log ?? (() => undefined);
    const stored = storeLocalChatWebhook(emulators.secrets, instance.config.alerts, (options.env ?? process.env).REPLYLINE_CHAT_WEBHOOK_URL);
    if (stored) log(stored);
    const alerts = await startLocalAlerts({
      bus: emulators.bus,
      alerts: instance.config.alerts,
      busName: instance.resources.bus,
      log,
      chat: { env: instance.env, name: instance.name },
    }).catch(async (error: unknown) => {
      await instance.stop();
      throw error;
    });
    return {
      emulators,
      instance,
      stop: async () => {
        await alerts.stop();
        await instance.stop();
        await emulators.stop();
      },
    };
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}
