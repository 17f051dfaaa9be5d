#!/usr/bin/env node
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfigFile } from '../lambdas/adapters/config-source.js';
import { ConfigError, type ReplylineConfig } from '../lambdas/schemas/config.js';
import { DEFAULT_STACK_NAME, ReplylineStack } from '../lib/replyline-stack.js';
import { PhysicalNameError } from '../lib/physical-names.js';
import { UnsupportedRegionError } from '../lib/ses-receiving-regions.js';

/** `cdk synth -c config=path` (relative to the working directory); default: the repo's example config. */
const DEFAULT_CONFIG = fileURLToPath(new URL('../replyline.config.json', import.meta.url));

const app = new App();

const configContext: unknown = app.node.tryGetContext('config');
const configPath = typeof configContext === 'string' && configContext !== '' ? resolve(configContext) : DEFAULT_CONFIG;

let config: ReplylineConfig;
try {
  config = readConfigFile(configPath);
} catch (error) {
  // A bad config is a user error: say what is wrong and where, without a stack trace.
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const stackNameContext: unknown = app.node.tryGetContext('stackName');
const stackName = typeof stackNameContext === 'string' && stackNameContext !== '' ? stackNameContext : DEFAULT_STACK_NAME;

try {
  // The account and region `cdk deploy` targets (from the profile), when known: the stack then
  // checks the region at synth. Offline synth without them stays environment-agnostic.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const extraRegionsContext: unknown = app.node.tryGetContext('sesReceivingRegions');
  const extraReceivingRegions = typeof extraRegionsContext === 'string' ? extraRegionsContext.split(',').map((region) => region.trim()).filter(Boolean) : [];
  new ReplylineStack(app, 'Replyline', { stackName, config, env, extraReceivingRegions });
} catch (error) {
  // A stack name or region AWS would refuse is a user error too.
  if (error instanceof PhysicalNameError || error instanceof UnsupportedRegionError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

// cdk-nag v3 is a policy-validation plugin: findings fail `cdk synth` (errors) or are printed
// (warnings). Acknowledgements live next to the constructs they concern, each with its reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
