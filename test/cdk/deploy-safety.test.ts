import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { ReplylineStack, type ReplylineStackProps } from '../../lib/replyline-stack.js';
import { longestFittingStackName } from '../../lib/physical-names.js';
import { SES_RECEIVING_REGIONS } from '../../lib/ses-receiving-regions.js';

/* What used to fail only on a real account: on deploy, or silently after it. */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
type Json = any;

function config(patch: (config: ReplylineConfig) => void = () => undefined): ReplylineConfig {
  const value = structuredClone(readConfigFile(join(REPO_ROOT, 'replyline.config.json')));
  patch(value);
  return value;
}

function synth(props: Partial<ReplylineStackProps> & { config: ReplylineConfig }): Template {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'));
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new ReplylineStack(app, 'Replyline', props));
}

const resourcesOf = (template: Template, type: string) => Object.entries(template.findResources(type)) as [string, Json][];

describe('the receipt rule set is activated by the stack', () => {
  it('calls SetActiveReceiptRuleSet with our rule set on create and update, and without a name on delete (so cdk destroy can delete it)', () => {
    const template = synth({ config: config() });
    const [, activation] = resourcesOf(template, 'Custom::SesActiveReceiptRuleSet')[0]!;
    const create = JSON.parse(activation.Properties.Create as string);
    expect(create).toMatchObject({ service: 'SES', action: 'setActiveReceiptRuleSet', parameters: { RuleSetName: 'Replyline-inbound' } });
    expect(JSON.parse(activation.Properties.Update as string)).toMatchObject({ parameters: { RuleSetName: 'Replyline-inbound' } });
    expect(JSON.parse(activation.Properties.Delete as string)).toEqual({ service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} });
    // After the rules exist (the first mail meets them), and deleted before them.
    const ruleIds = resourcesOf(template, 'AWS::SES::ReceiptRule').map(([id]) => id);
    const ruleSetId = resourcesOf(template, 'AWS::SES::ReceiptRuleSet')[0]![0];
    expect(activation.DependsOn).toEqual(expect.arrayContaining([...ruleIds, ruleSetId]));
    const providerPolicy = resourcesOf(template, 'AWS::IAM::Policy').find(([id]) => id.includes('ActiveRuleSet'))![1];
    expect(providerPolicy.Properties.PolicyDocument.Statement).toEqual([expect.objectContaining({ Action: 'ses:SetActiveReceiptRuleSet', Effect: 'Allow', Resource: '*' })]);
  });

  it('leaves an existing active rule set alone with receiving.activateRuleSet = false', () => {
    const template = synth({ config: config((c) => (c.receiving.activateRuleSet = false)) });
    template.resourceCountIs('Custom::SesActiveReceiptRuleSet', 0);
    expect(template.toJSON().Outputs.RuleSetActivation.Value).toBe('left-alone');
  });
});

describe('the thread-address key survives redeploys', () => {
  it('is retained on delete and replacement', () => {
    const [, secret] = resourcesOf(synth({ config: config() }), 'AWS::SecretsManager::Secret')[0]!;
    expect(secret).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('is adopted from an earlier deployment with threadAddressKey: no new secret, ingest reads that one and may decrypt it with its key', () => {
    const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ReplylineThreadAddressKey-AbCdEf';
    const kmsKeyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const template = synth({ config: config((c) => (c.threadAddressKey = { secretArn, kmsKeyArn })) });
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ THREAD_KEY_SECRET_ID: secretArn }) } });
    const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Json[]);
    expect(statements.some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue') && s.Resource === secretArn)).toBe(true);
    expect(statements.some((s) => [s.Action].flat().includes('kms:Decrypt') && s.Resource === kmsKeyArn)).toBe(true);
    expect(template.toJSON().Outputs.ThreadAddressKeySecretArn.Value).toBe(secretArn);
  });

  it('keeps the data key that encrypts it (and the table and bucket) on delete', () => {
    const template = synth({ config: config() });
    for (const type of ['AWS::KMS::Key', 'AWS::DynamoDB::Table']) {
      for (const [id, resource] of resourcesOf(template, type)) expect(resource.DeletionPolicy, id).toBe('Retain');
    }
    const rawMail = resourcesOf(template, 'AWS::S3::Bucket').find(([id]) => id.includes('RawMail'))![1];
    expect(rawMail.DeletionPolicy).toBe('Retain');
  });
});

describe('names and regions AWS would refuse are refused at synth', () => {
  it('names the too-long derived names and the longest stack name that fits', () => {
    const longest = longestFittingStackName(1);
    expect(() => synth({ config: config(), stackName: `S${'x'.repeat(longest - 1)}` })).not.toThrow();
    const tooLong = `S${'x'.repeat(longest)}`;
    expect(() => synth({ config: config(), stackName: tooLong })).toThrow(
      new RegExp(`EventBridge rule name "${tooLong}-agent-replied" has ${tooLong.length + '-agent-replied'.length} characters; AWS allows 64[\\s\\S]*at most ${longest} characters`),
    );
  });

  it('refuses a region without SES receiving, listing the regions that have it', () => {
    expect(() => synth({ config: config(), env: { region: 'eu-south-2', account: '123456789012' } })).toThrow(/region eu-south-2 has no SES email receiving[\s\S]*us-east-1, us-east-2, us-west-2/);
    expect(() => synth({ config: config(), env: { region: 'eu-west-1', account: '123456789012' } })).not.toThrow();
    // A region AWS added after this release can be accepted explicitly.
    expect(() => synth({ config: config(), env: { region: 'eu-south-2', account: '123456789012' }, extraReceivingRegions: ['eu-south-2'] })).not.toThrow();
  });

  it('checks the region before creating anything when synthesized without one (offline synth)', () => {
    const rules = synth({ config: config() }).toJSON().Rules;
    expect(rules.SesReceivingRegion.Assertions[0].Assert).toEqual({ 'Fn::Contains': [[...SES_RECEIVING_REGIONS], { Ref: 'AWS::Region' }] });
  });
});
