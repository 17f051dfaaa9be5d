import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack, Validations, type PolicyViolation } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../lambdas/adapters/config-source.js';
import { ReplylineStack } from '../../lib/replyline-stack.js';

/*
 * cdk-nag v3 is a policy-validation plugin, not an aspect: findings are not Annotations but
 * violations in the plugin's report (and in the cloud assembly's validation-report.json).
 * So we (1) synthesize with the pack registered exactly as bin/replyline.ts does, and
 * (2) ask the pack directly for its report on the synthesized tree: errors AND warnings.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'replyline-nag-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Ack = { path: string; id: string; reason: string };

function describeViolations(violations: PolicyViolation[]): string {
  return violations
    .map((v) => `${v.severity ?? 'error'} ${v.ruleName}: ${v.description}\n    at ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId).join(', ')}`)
    .join('\n');
}

describe('cdk-nag AwsSolutions', () => {
  let app: App;
  let stack: Stack;
  let assemblyDir: string;

  beforeAll(() => {
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'));
    app = new App({ outdir: join(tmp, 'out'), context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    stack = new ReplylineStack(app, 'Replyline', { config: readConfigFile(join(REPO_ROOT, 'replyline.config.json')) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Throws if any plugin reports an error: that alone would fail this suite.
    assemblyDir = app.synth().directory;
  });

  it('has zero unacknowledged errors and warnings', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations, describeViolations(report.violations)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('leaves nothing in the validation report (cdk-nag, and CDK\'s own template checks such as circular references)', () => {
    const file = join(assemblyDir, 'validation-report.json');
    const reports = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).pluginReports as { pluginName: string; violations: unknown[] }[]) : [];
    expect(reports.flatMap((r) => r.violations.map((v) => ({ plugin: r.pluginName, v })))).toEqual([]);
  });

  it('has no CDK error annotations', () => {
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('acknowledges only specific findings, on the construct they concern, each with a reason', () => {
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      // On a resource-level construct, never on the app or the whole stack.
      expect(ack.path.split('/').length, `${ack.id} is acknowledged too broadly at "${ack.path}"`).toBeGreaterThanOrEqual(3);
      // IAM findings are acknowledged per finding (Resource::… / Action::…), not for the whole rule.
      if (ack.id.startsWith('AwsSolutions-IAM')) expect(ack.id).toMatch(/\[(Resource|Action|Policy)::.+\]$/);
      expect(ack.reason.length, `${ack.id} at ${ack.path} needs a specific reason`).toBeGreaterThanOrEqual(60);
    }
  });

  it('has no stale acknowledgements: each one silences a finding that really occurs there', () => {
    const pack = new AwsSolutionsChecks();
    // Report as if nothing were acknowledged (NagPack#isAcknowledged is private, hence the cast).
    (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const raw = pack.validateScope(app).violations;
    for (const ack of acknowledgements(app)) {
      const hit = raw.some((v) => v.ruleName === ack.id && v.violatingResources.some((r) => r.constructPath === ack.path || r.constructPath?.startsWith(`${ack.path}/`)));
      expect(hit, `acknowledgement ${ack.id} at ${ack.path} matches no finding`).toBe(true);
    }
  });
});

function acknowledgements(app: App): Ack[] {
  const acks: Ack[] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        acks.push({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return acks;
}
