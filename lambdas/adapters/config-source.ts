import { ConfigError, type ReplylineConfig } from '../schemas/config.js';
import { loadCalendars } from './holidays.js';
import { parseConfigFile } from './runtime-config.js';

export { loadRuntimeConfig } from './runtime-config.js';

/** Reads and validates a config file; a missing file or bad JSON is a ConfigError too. */
export function readConfigFile(path: string): ReplylineConfig {
  return checkCalendars(parseConfigFile(path), path);
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
