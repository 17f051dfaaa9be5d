import { GetAccountCommand, GetConfigurationSetCommand } from '@aws-sdk/client-sesv2';
import { DescribeActiveReceiptRuleSetCommand } from '@aws-sdk/client-ses';
import { errorName } from './target.js';
import { fail, missingOutput, pass, REDEPLOY, skip, warn, type CheckResult, type StackContext } from './doctor-checks.js';

/** The doctor's checks of mail on a deployed stack: SES identities, DKIM, MAIL FROM, the account, the rule set and MX. */

// ---- 1, 2: SES domain identity, DKIM and custom MAIL FROM -------------------------------------

export async function checkIdentity(ctx: StackContext, domain: string): Promise<CheckResult> {
  const id = `ses-identity:${domain}`;
  const name = `SES identity ${domain}`;
  const identity = await ctx.identity(domain);
  if (!identity) {
    return fail(id, name, `not an SES identity in ${ctx.region}: nothing can be sent from ${domain}`, `aws sesv2 create-email-identity --email-identity ${domain} --region ${ctx.region}, then publish the three DKIM CNAMEs it prints`);
  }
  const dkim = identity.DkimAttributes;
  const problems: string[] = [];
  if (!identity.VerifiedForSendingStatus) problems.push('not verified for sending');
  if (!dkim?.SigningEnabled) problems.push('DKIM signing disabled');
  if (dkim?.Status !== 'SUCCESS') problems.push(`DKIM ${dkim?.Status ?? 'not set up'}`);
  if (!problems.length) return pass(id, name, 'verified for sending; DKIM signing on (SUCCESS)');
  const tokens = dkim?.Tokens ?? [];
  let fix: string;
  if (dkim?.Status === 'SUCCESS' && !dkim.SigningEnabled) fix = `aws sesv2 put-email-identity-dkim-attributes --email-identity ${domain} --signing-enabled --region ${ctx.region}`;
  else if (tokens.length && (dkim?.SigningAttributesOrigin ?? 'AWS_SES') === 'AWS_SES') {
    fix = `publish the three Easy DKIM CNAMEs: ${tokens.map((token) => `${token}._domainkey.${domain} CNAME ${token}.dkim.amazonses.com`).join('; ')}`;
  } else if (dkim?.SigningAttributesOrigin && dkim.SigningAttributesOrigin !== 'AWS_SES') fix = `publish the public key of your own DKIM selector for ${domain} (BYODKIM), or switch to Easy DKIM: aws sesv2 put-email-identity-dkim-signing-attributes --email-identity ${domain} --signing-attributes-origin AWS_SES`;
  else fix = `set up Easy DKIM: aws sesv2 put-email-identity-dkim-signing-attributes --email-identity ${domain} --signing-attributes-origin AWS_SES --region ${ctx.region}, then publish the three CNAMEs`;
  return fail(id, name, problems.join('; '), fix);
}

export async function checkMailFrom(ctx: StackContext, domain: string): Promise<CheckResult> {
  const id = `mail-from:${domain}`;
  const name = `MAIL FROM ${domain}`;
  const identity = await ctx.identity(domain);
  if (!identity) return skip(id, name, `no SES identity (see ses-identity:${domain})`);
  const mailFrom = identity.MailFromAttributes;
  const records = (host: string) => `${host} MX 10 feedback-smtp.${ctx.region}.amazonses.com and ${host} TXT "v=spf1 include:amazonses.com ~all"`;
  if (!mailFrom?.MailFromDomain) {
    return warn(
      id,
      name,
      `no custom MAIL FROM: the envelope sender is amazonses.com, so SPF passes for amazonses.com, not ${domain}, and DMARC alignment rests on DKIM alone`,
      `aws sesv2 put-email-identity-mail-from-attributes --email-identity ${domain} --mail-from-domain bounce.${domain} --region ${ctx.region}, then publish ${records(`bounce.${domain}`)}`,
    );
  }
  if (mailFrom.MailFromDomainStatus === 'SUCCESS') return pass(id, name, `${mailFrom.MailFromDomain} (SUCCESS)`);
  return fail(
    id,
    name,
    `${mailFrom.MailFromDomain} is ${mailFrom.MailFromDomainStatus ?? 'not verified'}: SES ${mailFrom.BehaviorOnMxFailure === 'REJECT_MESSAGE' ? 'rejects sends' : 'falls back to amazonses.com (SPF not aligned)'} until its DNS is found`,
    `publish ${records(mailFrom.MailFromDomain)}`,
  );
}

// ---- 3: SES sandbox and quota ------------------------------------------------------------------

export async function checkSandbox(ctx: StackContext): Promise<CheckResult> {
  const id = 'ses-sandbox';
  const name = 'SES sending account';
  const account = await ctx.clients.sesv2.send(new GetAccountCommand({}));
  const quota = account.SendQuota ?? {};
  const max = quota.Max24HourSend ?? 0;
  const sent = quota.SentLast24Hours ?? 0;
  const quotaText = `quota ${max === -1 ? 'unlimited' : `${max}`}/24 h (sent ${sent}), ${quota.MaxSendRate ?? '?'}/s`;
  if (!account.ProductionAccessEnabled) {
    return fail(
      id,
      name,
      `in the SES sandbox in ${ctx.region}: acknowledgements reach only verified addresses, so customers get nothing; ${quotaText}`,
      `request production access: SES console (region ${ctx.region}) → Account dashboard → Request production access; AWS answers within a day`,
    );
  }
  if (account.SendingEnabled === false || account.EnforcementStatus === 'SHUTDOWN') {
    return fail(id, name, `sending is paused for the account (enforcement ${account.EnforcementStatus ?? 'unknown'}): no acknowledgement or forward goes out; ${quotaText}`, `SES console → Reputation metrics shows why; after fixing it: aws sesv2 put-account-sending-attributes --sending-enabled --region ${ctx.region}`);
  }
  if (account.EnforcementStatus === 'PROBATION') {
    return warn(id, name, `production access, but the account is on probation (bounce or complaint rate too high); ${quotaText}`, 'SES console → Reputation metrics: find the bounces and complaints and stop their cause before AWS pauses sending');
  }
  if (max > 0 && sent >= max * 0.8) {
    return warn(id, name, `production access; ${Math.round((sent / max) * 100)} % of the daily quota used: ${quotaText}`, `request a higher sending quota: Service Quotas console → Amazon SES → Sending quota (${ctx.region})`);
  }
  return pass(id, name, `production access; ${quotaText}`);
}

// ---- The configuration set every mail is sent through ----------------------------------------

export async function checkConfigurationSet(ctx: StackContext): Promise<CheckResult> {
  const id = 'configuration-set';
  const name = 'SES configuration set';
  const set = ctx.outputs.ConfigurationSetName;
  if (!set) return missingOutput(id, name, 'ConfigurationSetName');
  try {
    const found = await ctx.clients.sesv2.send(new GetConfigurationSetCommand({ ConfigurationSetName: set }));
    if (found.SendingOptions?.SendingEnabled === false) {
      return fail(id, name, `${set}: sending disabled, so SES refuses every acknowledgement and forward`, `aws sesv2 put-configuration-set-sending-options --configuration-set-name ${set} --sending-enabled --region ${ctx.region}`);
    }
    return pass(id, name, `${set} exists, sending enabled`);
  } catch (error) {
    if (errorName(error) !== 'NotFoundException') throw error;
    return fail(id, name, `${set} does not exist: SES refuses mail sent through it`, REDEPLOY);
  }
}

// ---- 4: the receipt rule set ----------------------------------------------------------------------

export async function checkReceiptRuleSet(ctx: StackContext): Promise<CheckResult> {
  const id = 'receipt-rule-set';
  const name = 'SES receipt rule set';
  const ours = ctx.outputs.ReceiptRuleSetName;
  if (!ours) return missingOutput(id, name, 'ReceiptRuleSetName');
  const activation = ctx.outputs.RuleSetActivation;
  const active = await ctx.clients.ses.send(new DescribeActiveReceiptRuleSetCommand({}));
  const activeName = active.Metadata?.Name;
  const activate = `aws ses set-active-receipt-rule-set --rule-set-name ${ours} --region ${ctx.region}`;
  if (!activeName) return fail(id, name, `no rule set is active in ${ctx.region}: SES receives no mail for this stack`, activate);
  const rules = active.Rules ?? [];
  if (activeName === ours) {
    const enabled = rules.filter((rule) => rule.Enabled).length;
    if (enabled === 0) return fail(id, name, `${ours} is active, but none of its ${rules.length} rules is enabled`, `enable them (aws ses describe-receipt-rule-set --rule-set-name ${ours} lists them), or ${REDEPLOY}`);
    return pass(id, name, `${ours} is active (${enabled} rule${enabled === 1 ? '' : 's'} enabled)`);
  }
  const bucket = ctx.outputs.RawMailBucketName;
  const carriesOurs = Boolean(bucket) && rules.some((rule) => rule.Enabled && rule.Actions?.some((action) => action.S3Action?.BucketName === bucket));
  if (activation === 'left-alone' && carriesOurs) {
    return pass(id, name, `the active set is ${activeName} (kept: RuleSetActivation=left-alone) and has a rule storing mail in our bucket ${bucket}`);
  }
  const summary = `the active rule set of ${ctx.region} is ${activeName}, not ours (${ours}): SES runs only the active set, so Replyline receives nothing`;
  if (activation === 'managed') return fail(id, name, summary, `the stack activates ${ours} on deploy, so it was switched since: see what ${activeName} is for, then ${activate} (or npx cdk deploy)`);
  return fail(
    id,
    name,
    `${summary}${activation ? '' : ' (and the stack has no output RuleSetActivation: redeploy: npx cdk deploy)'}`,
    `one region has one active rule set: add our rules to ${activeName} (copy them from aws ses describe-receipt-rule-set --rule-set-name ${ours}), or switch deliberately: ${activate}`,
  );
}

// ---- 5: MX records ---------------------------------------------------------------------------------

export async function checkMx(ctx: StackContext, domain: string): Promise<CheckResult> {
  const id = `mx:${domain}`;
  const name = `MX ${domain}`;
  const expected = `inbound-smtp.${ctx.region}.amazonaws.com`;
  const record = `${domain} MX 10 ${expected}`;
  let records: { exchange: string; priority: number }[];
  try {
    records = await ctx.clients.dns.resolveMx(domain);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTFOUND' && code !== 'ENODATA') return warn(id, name, `could not resolve MX (${code ?? errorName(error) ?? 'error'})`, `check from another network: dig MX ${domain}; it should be ${record}`);
    records = [];
  }
  if (!records.length) return fail(id, name, 'no MX record: mail to this domain reaches no server', `publish the DNS record ${record}`);
  const sorted = [...records].sort((a, b) => a.priority - b.priority);
  const host = (entry: { exchange: string }) => entry.exchange.toLowerCase().replace(/\.$/, '');
  const ours = sorted.filter((entry) => host(entry) === expected);
  const others = sorted.filter((entry) => host(entry) !== expected);
  const show = (list: typeof sorted) => list.map((entry) => `${entry.priority} ${host(entry)}`).join(', ');
  if (!others.length) return pass(id, name, show(ours));
  if (!ours.length) {
    const otherRegion = others.map(host).find((name) => /^inbound-smtp\.[a-z0-9-]+\.amazonaws\.com$/.test(name));
    const why = otherRegion ? ` (SES receiving in another region; the stack is in ${ctx.region})` : '';
    return fail(id, name, `points elsewhere: ${show(others)}${why}; SES never sees this domain's mail`, `replace the MX records with ${record}`);
  }
  return warn(id, name, `mixed: ${show(sorted)}; mail delivered to ${show(others)} bypasses Replyline`, `remove the other MX records, or keep them only as backups with a higher number than SES's (${record})`);
}
