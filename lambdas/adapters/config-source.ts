import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig, type ReplylineConfig } from '../schemas/config.js';
import { loadCalendars } from './holidays.js';

/** Reads and validates a config file; a missing file or bad JSON is a ConfigError too. */
export function readConfigFile(path: string): ReplylineConfig {
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
  return checkCalendars(parseConfig(json, path), path);
}

/** Holiday countries and regions are only known to date-holidays: check them now, not at the first mail. */
function checkCalendars(config: ReplylineConfig, source: string): ReplylineConfig {
  try {
    loadCalendars(config, [new Date().getUTCFullYear()]);
  } catch (error) {
    throw new ConfigError(source, [(error as Error).message]);
  }
  return config;
}

declare const __REPLYLINE_CONFIG__: string | undefined;

/**
 * The config a Lambda runs with: bundled into the function at synth time (esbuild define),
 * or, in local mode, read from the file named by REPLYLINE_CONFIG_FILE. Validated either way.
 */
export function loadRuntimeConfig(env: NodeJS.ProcessEnv = process.env): ReplylineConfig {
  if (typeof __REPLYLINE_CONFIG__ === 'string') return parseConfig(JSON.parse(__REPLYLINE_CONFIG__), 'bundled configuration');
  const file = env.REPLYLINE_CONFIG_FILE;
  if (!file) throw new ConfigError('environment', ['REPLYLINE_CONFIG_FILE is not set and no configuration was bundled']);
  return readConfigFile(file);
}
