import { fileURLToPath } from 'node:url';
import type { BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import type { ReplylineConfig } from '../lambdas/schemas/config.js';
import { resolveHolidays } from '../lambdas/adapters/holidays.js';

/**
 * How every Replyline function is bundled, in one place for the CDK construct
 * (lib/constructs/app-function.ts) and the cold-start benchmark (bench/cold-start.ts),
 * so that what is measured is what is deployed. Only type imports from aws-cdk-lib:
 * the benchmark does not load it.
 */

/** One handler module per function: `<dir>/<name>.ts` is the entry of function `<name>`. */
export const HANDLERS_DIR = fileURLToPath(new URL('../lambdas/handlers/', import.meta.url));

export function handlerEntry(name: string): string {
  return `${HANDLERS_DIR}${name}.ts`;
}

/** NODE_OPTIONS of every function: stack traces through the bundle's source map. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/** Public holidays are resolved to dates at synth for last year and this many years ahead (README: redeploy within that span). */
const BUNDLED_HOLIDAY_YEARS_AHEAD = 10;

/** The NodejsFunction `bundling` of a function with this config. */
export function lambdaBundling(config: ReplylineConfig, synthYear: number = new Date().getUTCFullYear()) {
  const holidays = resolveHolidays(config, synthYear - 1, synthYear + BUNDLED_HOLIDAY_YEARS_AHEAD);
  return {
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    target: 'node22',
    // OutputFormat.CJS, named by value so that importing this module does not load aws-cdk-lib.
    format: 'cjs' as OutputFormat.CJS,
    // Bundle the AWS SDK v3 too: pinned, tree-shaken, and no surprise from the runtime's copy.
    externalModules: [] as string[],
    // The handler reads the global __REPLYLINE_CONFIG__ (a JSON string), see lambdas/adapters/config-source.ts.
    // Country holidays as dates (lambdas/adapters/country-holidays.ts): date-holidays stays out of the functions.
    define: { __REPLYLINE_CONFIG__: JSON.stringify(JSON.stringify(config)), __REPLYLINE_HOLIDAYS__: JSON.stringify(JSON.stringify(holidays)) },
  } satisfies BundlingOptions;
}

type LambdaBundling = ReturnType<typeof lambdaBundling>;

/**
 * The esbuild build NodejsFunction runs for `bundling` (its `esbuild --bundle` arguments, see
 * aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js), for building a function's bundle outside CDK.
 * Throws on a bundling option it does not translate, so a new one cannot be left out silently.
 */
export function esbuildOptionsOf(bundling: LambdaBundling, entry: string, outfile: string): BuildOptions {
  const { minify, sourceMap, sourcesContent, target, format, externalModules, define, ...rest } = bundling;
  const untranslated = Object.keys(rest);
  if (untranslated.length) throw new Error(`esbuildOptionsOf: no esbuild translation for bundling option(s) ${untranslated.join(', ')}`);
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target,
    format,
    minify,
    sourcemap: sourceMap,
    sourcesContent,
    external: externalModules,
    define,
    logLevel: 'warning',
  };
}
