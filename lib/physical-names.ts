/**
 * Every resource name the stack derives from its stack name, with the limit AWS puts on it.
 * AWS checks these only at deploy time, half-way through a CloudFormation run; the stack checks
 * them all at synth (`checkPhysicalNames`) and says which stack name would fit.
 */

/** Where SES stores each received mail in the raw-mail bucket; ingest may read only below it. */
export const RAW_MAIL_PREFIX = 'inbound/';

/** The object SES stores a received mail as: named by its receipt id, below RAW_MAIL_PREFIX. */
export function rawMailKey(receiptId: string): string {
  return `${RAW_MAIL_PREFIX}${receiptId}`;
}

/** What AWS allows for one kind of name. */
interface NameRule {
  service: string;
  maxLength: number;
  /** Allowed characters, as AWS documents them. */
  pattern: RegExp;
  patternText: string;
}

const RULES = {
  sqsQueue: { service: 'SQS queue', maxLength: 80, pattern: /^[A-Za-z0-9_-]+$/, patternText: 'letters, digits, "-" and "_"' },
  snsTopic: { service: 'SNS topic', maxLength: 256, pattern: /^[A-Za-z0-9_-]+$/, patternText: 'letters, digits, "-" and "_"' },
  eventRule: { service: 'EventBridge rule', maxLength: 64, pattern: /^[A-Za-z0-9._-]+$/, patternText: 'letters, digits, ".", "-" and "_"' },
  eventBus: { service: 'EventBridge event bus', maxLength: 256, pattern: /^[A-Za-z0-9._/-]+$/, patternText: 'letters, digits, ".", "-", "_" and "/"' },
  sesReceipt: {
    service: 'SES receipt rule set or rule',
    maxLength: 64,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$/,
    patternText: 'letters, digits, ".", "-" and "_", starting and ending with a letter or digit',
  },
  sesConfigurationSet: { service: 'SES configuration set', maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/, patternText: 'letters, digits, "-" and "_"' },
  dashboard: { service: 'CloudWatch dashboard', maxLength: 255, pattern: /^[A-Za-z0-9_-]+$/, patternText: 'letters, digits, "-" and "_"' },
} satisfies Record<string, NameRule>;

type NameKind = keyof typeof RULES;

/** CloudFormation's own rule for stack names. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/** The stack name that owns the plain `replyline` bus name. */
export const DEFAULT_STACK_NAME = 'Replyline';

/** The names, one function each, used by the constructs (so what is checked is what is deployed). */
export const physicalNames = {
  inboundTopic: (prefix: string) => `${prefix}-inbound-mail`,
  receiptRuleSet: (prefix: string) => `${prefix}-inbound`,
  receiptRule: (prefix: string, index: number) => `${prefix}-inbound-${index + 1}`,
  configurationSet: (prefix: string) => `${prefix}-sending`,
  sendingEventsTopic: (prefix: string) => `${prefix}-sending-events`,
  alertTopic: (prefix: string) => `${prefix}-sla-alerts`,
  alertDeliveryDlq: (prefix: string) => `${prefix}-alert-delivery-dlq`,
  alertChatQueue: (prefix: string) => `${prefix}-alert-chat`,
  alertChatDlq: (prefix: string) => `${prefix}-alert-chat-dlq`,
  alertRule: (prefix: string, type: 'SLA Breached' | 'SLA Warning') => `${prefix}-${type === 'SLA Breached' ? 'sla-breached' : 'sla-warning'}`,
  agentEventsQueue: (prefix: string) => `${prefix}-agent-events`,
  agentEventsDlq: (prefix: string) => `${prefix}-agent-events-dlq`,
  agentEventsRule: (prefix: string) => `${prefix}-agent-replied`,
  dashboard: (prefix: string) => `${prefix}-replyline`,
  eventBus: (stackName: string) => (stackName === DEFAULT_STACK_NAME ? 'replyline' : `replyline-${stackName.toLowerCase()}`),
} as const;

/** Each name the stack would create for this stack name, with its kind. */
function namesOf(stackName: string, receiptRules: number): [NameKind, string][] {
  const p = stackName;
  return [
    ['snsTopic', physicalNames.inboundTopic(p)],
    ['sesReceipt', physicalNames.receiptRuleSet(p)],
    ...Array.from({ length: receiptRules }, (_, index): [NameKind, string] => ['sesReceipt', physicalNames.receiptRule(p, index)]),
    ['sesConfigurationSet', physicalNames.configurationSet(p)],
    ['snsTopic', physicalNames.sendingEventsTopic(p)],
    ['snsTopic', physicalNames.alertTopic(p)],
    ['sqsQueue', physicalNames.alertDeliveryDlq(p)],
    ['sqsQueue', physicalNames.alertChatQueue(p)],
    ['sqsQueue', physicalNames.alertChatDlq(p)],
    ['eventRule', physicalNames.alertRule(p, 'SLA Breached')],
    ['eventRule', physicalNames.alertRule(p, 'SLA Warning')],
    ['sqsQueue', physicalNames.agentEventsQueue(p)],
    ['sqsQueue', physicalNames.agentEventsDlq(p)],
    ['eventRule', physicalNames.agentEventsRule(p)],
    ['dashboard', physicalNames.dashboard(p)],
    ['eventBus', physicalNames.eventBus(p)],
  ];
}

export class PhysicalNameError extends Error {
  override readonly name = 'PhysicalNameError';
}

/**
 * Throws one readable error listing every derived name AWS would refuse, and the longest
 * stack name that fits. `receiptRules`: how many receipt rules the recipients need.
 */
export function checkPhysicalNames(stackName: string, receiptRules: number): void {
  if (!STACK_NAME.test(stackName)) {
    throw new PhysicalNameError(
      `stack name "${stackName}" is not valid: CloudFormation takes a letter, then letters, digits and "-", at most 128 characters (-c stackName=…)`,
    );
  }
  const problems = namesOf(stackName, receiptRules).flatMap(([kind, name]) => {
    const rule: NameRule = RULES[kind];
    if (name.length > rule.maxLength) return [`${rule.service} name "${name}" has ${name.length} characters; AWS allows ${rule.maxLength}`];
    if (!rule.pattern.test(name)) return [`${rule.service} name "${name}" may hold only ${rule.patternText}`];
    return [];
  });
  if (!problems.length) return;
  throw new PhysicalNameError(
    [`stack name "${stackName}" makes names AWS would refuse at deploy time:`, ...problems.map((problem) => `  - ${problem}`), `Use a stack name of at most ${longestFittingStackName(receiptRules)} characters (-c stackName=…).`].join(
      '\n',
    ),
  );
}

/** The longest stack name (of plain letters) whose derived names all fit. */
export function longestFittingStackName(receiptRules: number): number {
  let length = 1;
  while (length < 128 && namesOf('A'.repeat(length + 1), receiptRules).every(([kind, name]) => name.length <= RULES[kind].maxLength)) length++;
  return length;
}
