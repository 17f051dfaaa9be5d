import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../lambdas/schemas/env.js';

/**
 * The one Replyline table: threads, messages, Message-ID links, rate
 * counters and suppressions share it, told apart by key prefixes.
 *
 * Encryption: the AWS managed key (aws/dynamodb). Items are encrypted at rest and key use is
 * in CloudTrail, while access stays governed by the table's IAM grants alone — a customer
 * managed key would add kms:Decrypt to every role without narrowing who can read items.
 */
export class ThreadsTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const string = dynamodb.AttributeType.STRING;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: string },
      sortKey: { name: TABLE_KEYS.sortKey, type: string },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Retention from config: items carry `expiresAt` (epoch seconds) and DynamoDB deletes them.
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // Customer data outlives the stack: deleting the stack must never delete the threads.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Customer history: GSI1PK = CUST#<email>, GSI1SK = created time.
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_KEYS.customerIndex.name,
      partitionKey: { name: TABLE_KEYS.customerIndex.partitionKey, type: string },
      sortKey: { name: TABLE_KEYS.customerIndex.sortKey, type: string },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // Open SLA index (sparse): GSI2PK = SLA#<shard>, GSI2SK = due time, only while a reply is owed.
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_KEYS.openSlaIndex.name,
      partitionKey: { name: TABLE_KEYS.openSlaIndex.partitionKey, type: string },
      sortKey: { name: TABLE_KEYS.openSlaIndex.sortKey, type: string },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // Open threads by team (sparse, keys only): GSI3PK = OPEN#<team>, GSI3SK = thread creation, while a reply is owed.
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_KEYS.openByTeamIndex.name,
      partitionKey: { name: TABLE_KEYS.openByTeamIndex.partitionKey, type: string },
      sortKey: { name: TABLE_KEYS.openByTeamIndex.sortKey, type: string },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
  }

  /**
   * Item reads and writes on the table plus Query on its two named indexes. Narrower than
   * `grantReadWriteData` (no Scan, and no `index/*` wildcard).
   */
  grantItemReadWrite(grantee: iam.IGrantable): iam.Grant {
    const tableArn = this.table.tableArn;
    return iam.Grant.addToPrincipal({
      grantee,
      actions: [
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:DescribeTable',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ],
      resourceArns: [tableArn],
    }).combine(
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['dynamodb:Query'],
        resourceArns: [TABLE_KEYS.customerIndex.name, TABLE_KEYS.openSlaIndex.name, TABLE_KEYS.openByTeamIndex.name].map((index) => `${tableArn}/index/${index}`),
      }),
    );
  }
}
