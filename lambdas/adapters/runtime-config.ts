import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig, type ReplylineConfig } from '../schemas/config.js';

/**
 * Reads a config file and validates it against the schema; a missing file or bad JSON is a
 * ConfigError too. Holiday calendars are not checked here: see readConfigFile (config-source.ts).
 */
export function parseConfigFile(path: string): ReplylineConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(json, path);
}

declare const __REPLYLINE_CONFIG__: string | undefined;

/**
 * The config a Lambda runs with: bundled into the function at synth time (esbuild define),
 * or, in local mode, read from the file named by REPLYLINE_CONFIG_FILE. Validated either way.
 * Its holiday calendars were checked when `cdk synth` or `replyline start` read the file; in a
 * Lambda their country holidays come as dates resolved at synth (country-holidays.ts), so no
 * function bundles date-holidays.
 */
export function loadRuntimeConfig(env: NodeJS.ProcessEnv = process.env): ReplylineConfig {
  if (typeof __REPLYLINE_CONFIG__ === 'string') return parseConfig(JSON.parse(__REPLYLINE_CONFIG__), 'bundled configuration');
  const file = env.REPLYLINE_CONFIG_FILE;
  if (!file) throw new ConfigError('environment', ['REPLYLINE_CONFIG_FILE is not set and no configuration was bundled']);
  return parseConfigFile(file);
}
