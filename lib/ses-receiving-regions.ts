import { CfnRule, Fn, type Stack } from 'aws-cdk-lib';

/**
 * Regions where SES receives mail (an `inbound-smtp.<region>.amazonaws.com` endpoint exists), as
 * AWS lists them under "Email receiving endpoints" in "Amazon Simple Email Service endpoints and
 * quotas". AWS adds regions now and then: `-c sesReceivingRegions=<region>,…` accepts more.
 */
export const SES_RECEIVING_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-northeast-1',
] as const;

export class UnsupportedRegionError extends Error {
  override readonly name = 'UnsupportedRegionError';
}

/** Refuses a region without SES receiving, naming the ones that have it. */
export function checkReceivingRegion(region: string, extraRegions: readonly string[] = []): void {
  const regions = [...SES_RECEIVING_REGIONS, ...extraRegions];
  if (regions.includes(region)) return;
  throw new UnsupportedRegionError(
    `region ${region} has no SES email receiving, so no mail could reach Replyline there. Deploy to one of: ${regions.join(', ')} (AWS_REGION, or the profile's region). If AWS has added receiving in ${region} since, pass -c sesReceivingRegions=${region}.`,
  );
}

/**
 * For a stack synthesized without a region (offline `cdk synth`): the same check as a template
 * rule, which CloudFormation evaluates before creating anything.
 */
export function requireReceivingRegion(stack: Stack, extraRegions: readonly string[] = []): void {
  const regions = [...SES_RECEIVING_REGIONS, ...extraRegions];
  new CfnRule(stack, 'SesReceivingRegion', {
    assertions: [
      {
        assert: Fn.conditionContains(regions, stack.region),
        assertDescription: `SES email receiving is not available in this region. Deploy Replyline to one of: ${regions.join(', ')} (or pass -c sesReceivingRegions=<region> if AWS has added it).`,
      },
    ],
  });
}
