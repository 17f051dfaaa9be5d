import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ReplylineConfig } from '../../lambdas/schemas/config.js';
import { handlerEntry, LAMBDA_NODE_OPTIONS, lambdaBundling } from '../lambda-bundling.js';
import { METRICS_NAMESPACE } from './dashboard.js';

/** Repository root, so entries and the lock file resolve the same from `cdk synth`, tests and any cwd. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface AppFunctionProps {
  /** Short name, e.g. `ingest`: the entry is `lambdas/handlers/<name>.ts`, the service `replyline-<name>`. */
  readonly name: string;
  /** The validated config; compiled into the bundle so the function never reads it from S3/SSM at cold start. */
  readonly config: ReplylineConfig;
  /** The function's own variables (each handler validates its set at cold start). */
  readonly environment: Record<string, string>;
  readonly description?: string;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 30 seconds */
  readonly timeout?: Duration;
}

/**
 * Replyline's Lambda defaults in one place: Node 22 on arm64, one bundled and minified file
 * (AWS SDK v3 included, so we run the SDK version we tested), source maps, X-Ray, an explicit
 * log group with retention, and a dedicated role that starts with nothing but its own log group.
 */
export class AppFunction extends Construct implements iam.IGrantable {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    // Explicit log group: retention is ours to set, and no log-retention custom resource is needed.
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });

    // Own role instead of NodejsFunction's default: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole (logs:* on every log group); we grant writes to this group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Replyline ${props.name} function`,
    });
    this.grantPrincipal = this.role;
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.name),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      description: props.description,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
        POWERTOOLS_SERVICE_NAME: `replyline-${props.name}`,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...props.environment,
      },
      // Shared with the cold-start benchmark, which bundles each function the same way.
      bundling: lambdaBundling(props.config),
    });

    // X-Ray active tracing. Set on the L1 instead of `tracing: ACTIVE` so that its "*"-resource
    // statement lives in a policy of its own: the acknowledgement below then cannot hide a
    // future wildcard grant that lands in the role's default policy.
    (this.function.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: 'Active' };
    const tracingPolicy = new iam.Policy(this, 'TracingPolicy', {
      roles: [this.role],
      statements: [new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
    });
    this.function.node.addDependency(tracingPolicy);
    Validations.of(tracingPolicy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions; this policy holds nothing else.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is pinned on purpose: the bundle targets node22 and the same handlers run in local mode and tests on Node 20/22; a runtime upgrade is a deliberate, tested change.',
    });
  }
}
