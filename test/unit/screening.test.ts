import { describe, expect, it } from 'vitest';
import { parseMail } from '../../lambdas/adapters/mail-parser.js';
import { screenMail } from '../../lambdas/core/screening/screen.js';
import type { ReceiptEnvelope, ReceiptVerdicts } from '../../lambdas/core/mail.js';
import type { ScreeningSignalCode } from '../../lambdas/schemas/screening-config.js';
import { SCREENING_SIGNALS } from '../../lambdas/schemas/screening-config.js';
import type { Reason } from '../../lambdas/schemas/reasons.js';
import { configWith, exampleConfig, rawMail } from '../support/fixtures.js';

const envelope = (overrides: Partial<ReceiptEnvelope> = {}): ReceiptEnvelope => ({
  receiptId: 'r1',
  receivedAt: new Date('2026-11-24T02:00:00Z'),
  recipients: ['support@example.com'],
  envelopeSender: 'jane@customer.example.org',
  rawMail: { bucket: 'b', key: 'k' },
  verdicts: {},
  ...overrides,
});

interface Fields {
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  headers?: Record<string, string>;
}

async function screen(fields: Fields = {}, env: Partial<ReceiptEnvelope> = {}, suppressed = false, config = exampleConfig) {
  const mail = await parseMail(
    rawMail({ from: fields.from ?? 'Jane <jane@customer.example.org>', to: fields.to ?? 'support@example.com', subject: fields.subject ?? 'Question about my order', body: fields.body ?? 'Where is it?', headers: fields.headers }),
  );
  return screenMail(mail, envelope(env), config, { suppressed });
}

const codes = (reasons: readonly Reason[]) => reasons.map(({ code }) => code);
const signalsOf = (result: Awaited<ReturnType<typeof screen>>) => result.signals.map((signal) => signal.code);

describe('screening a plain customer mail', () => {
  it('accepts and acknowledges it, with no signal and no reason against', async () => {
    expect(await screen()).toEqual({ quarantine: false, acknowledge: true, automated: false, score: 0, signals: [], heldBack: undefined, reasons: [] });
  });
});

const links = (count: number) => Array.from({ length: count }, (_, index) => `https://shop.example.org/p/${index}`).join('\n');

/** Every signal: a mail it catches, and a person's mail close to it that it leaves alone. */
const SIGNAL_CASES: [ScreeningSignalCode, catches: Fields, leavesAlone: Fields, env?: Partial<ReceiptEnvelope>, personEnv?: Partial<ReceiptEnvelope>][] = [
  ['list-header', { headers: { 'List-Id': '<users.lists.example.org>' } }, { subject: 'Which mailing list should I join?', body: 'Is there a list for announcements?' }],
  ['precedence', { headers: { Precedence: 'bulk' } }, { subject: 'Bulk order of 200 chairs', headers: { Precedence: 'normal' } }],
  ['autoreply-header', { headers: { 'X-Autoreply': 'yes' } }, { subject: 'Your autoreply said you are closed', body: 'Are you open on Saturday?' }],
  ['auto-response-suppress', { headers: { 'X-Auto-Response-Suppress': 'All' } }, { headers: { 'X-Auto-Response-Suppress': 'DR' } }],
  ['amazon-notification', { headers: { 'X-AMAZON-MAIL-RELAY-TYPE': 'NOTIFICATION' } }, { body: 'Amazon says my parcel was a notification only?' }],
  ['failed-recipients', { headers: { 'X-Failed-Recipients': 'gone@example.org' } }, { body: 'My mail to your colleague failed, so I write here.' }],
  ['null-return-path', {}, {}, { envelopeSender: '' }],
  ['mailer-daemon', { from: 'Mail Delivery System <MAILER-DAEMON@mx.example.org>' }, { from: 'Jane Daemon <jane.daemon@customer.example.org>' }],
  ['postmaster-sender', { from: 'postmaster@mx.example.org' }, { from: 'Jane <jane.postmaster.office@customer.example.org>' }],
  ['bounce-subject', { subject: 'Undeliverable: Question about my order' }, { subject: 'My parcel was undeliverable, please resend' }],
  ['challenge-response', { body: 'This account is protected by Bluebottle. Please click the link to have your address added to the recipient\'s allowed list.' }, { body: 'I added your address to my safe senders, so your answer will reach me.' }],
  ['out-of-office-prefix', { subject: 'Automatic reply: Question about my order' }, { subject: 'Re: Automatic reply: Question about my order', body: 'Your colleague is away; can someone else help with order 1234?' }],
  ['out-of-office-subject', { subject: 'Out of office until Monday' }, { subject: 'Office chair arrived broken' }],
  ['out-of-office-text', { body: 'I am out of the office until 5 May.' }, { body: 'I was out of the office last week and missed your delivery. Can you send it again?' }],
  ['out-of-office-return', { body: 'I am on vacation until 5 May. For urgent matters please contact Anna.' }, { body: 'I am on vacation from Monday, so please ship before then.' }],
  ['campaign-header', { headers: { 'X-Campaign-Id': 'spring-2026' } }, { headers: { 'X-Mailer': 'Microsoft Outlook 16.0' } }],
  ['esp-header', { headers: { 'Feedback-ID': '1:2:mailer' } }, { headers: { 'X-Originating-IP': '[192.0.2.8]' } }],
  ['bulk-mailer', { headers: { 'X-Mailer': 'MailChimp Mailer - **CID1234**' } }, { headers: { 'X-Mailer': 'Microsoft Outlook 16.0' } }],
  ['bulk-antispam-mark', { headers: { 'X-Microsoft-Antispam': 'BCL:7;' } }, { headers: { 'X-Microsoft-Antispam': 'BCL:0;' } }],
  ['view-in-browser', { body: 'View this email in your browser\n\nOur spring collection is here.' }, { body: 'The order page does not open in my browser.' }],
  ['unsubscribe-footer', { body: 'Spring sale!\n\nTo unsubscribe, click here.' }, { body: 'Please unsubscribe me from your newsletter, I keep getting it.' }],
  ['newsletter-footer-line', { body: 'Spring sale!\n\nUnsubscribe | Update preferences | Privacy policy' }, { body: 'How do I unsubscribe?' }],
  ['campaign-links', { body: 'Shop now: https://shop.example.org/spring?utm_source=newsletter&utm_medium=email' }, { body: 'This one: https://shop.example.org/p/1234 arrived broken.' }],
  ['many-links', { body: `New this week:\n${links(30)}` }, { body: `These three are missing:\n${links(3)}` }],
  ['noreply-to-noreply', { from: 'noreply@brand.example.org', to: 'noreply@brand.example.org' }, { from: 'noreply@brand.example.org', to: 'support@example.com' }],
  ['undisclosed-recipients', { to: 'undisclosed-recipients:;' }, {}],
  ['not-addressed-to-us', { to: 'colleague@customer.example.org' }, { to: 'support@example.com, colleague@customer.example.org' }],
  ['many-recipients', { to: Array.from({ length: 12 }, (_, index) => `p${index}@customer.example.org`).join(', ') }, { to: 'support@example.com, a@customer.example.org, b@customer.example.org' }],
  ['list-recipient', { to: 'support@example.com, users@lists.example.org' }, { to: 'support@example.com, anna@customer.example.org' }],
  ['list-subject-tag', { subject: '[users] build fails on ARM' }, { subject: '[Urgent] refund please' }],
  [
    'list-thread-reply',
    { subject: 'Re: [aur-general] Guidelines: cp, mkdir vs install', headers: { References: '<4EFC3931@lists.example.org> <4EFC3D62@example.net>' } },
    // The same tagged subject in reply to our acknowledgement: a customer answering us.
    { subject: 'Re: [aur-general] Guidelines: cp, mkdir vs install', headers: { References: '<4EFC3931@lists.example.org> <rl.ack.1f2e@example.com>' } },
  ],
  ['patch-subject-tag', { subject: '[PATCH 1/2] fix the parser' }, { subject: 'Patch for my bike tyre?' }],
  ['list-footer', { body: 'Thanks.\n_______________________________________________\nusers mailing list\nhttps://lists.example.org/mailman/listinfo/users' }, { body: 'Is there a mailing list for updates?' }],
  ['list-manager-header', { headers: { 'Errors-To': 'owner@lists.example.org' } }, { headers: { Sender: 'Jane <jane@customer.example.org>' } }],
  ['bounce-return-path', {}, {}, { envelopeSender: 'bounces+1234@mailer.example.org' }, { envelopeSender: 'jane@customer.example.org' }],
  ['bulk-sender-address', { from: 'Brand <newsletter@brand.example.org>' }, { from: 'Anna Berg <info@smallfirm.example.org>' }],
  ['system-headers', { headers: { 'X-GitHub-Reason': 'subscribed' } }, { headers: { 'X-Mailer': 'Apple Mail (2.3731)' } }],
  ['system-mailer', { headers: { 'X-Mailer': 'Zabbix 6.4' } }, { headers: { 'X-Mailer': 'Apple Mail (2.3731)' } }],
  ['system-submission', { headers: { Received: 'by web1.example.org (Postfix, from userid 0) id 4F2A1; Tue, 1 Oct 2024 06:00:01 +0200' } }, { headers: { Received: 'by web1.example.org (Postfix, from userid 33) id 4F2A1; Tue, 1 Oct 2024 06:00:01 +0200' } }],
  ['group-greeting', { body: 'Dear customers,\n\nour shop is moving on 1 May.' }, { body: 'Dear Sir or Madam,\n\nmy order has not arrived.' }],
  ['system-sender', { from: 'Cron Daemon <root@web1.example.org>' }, { from: 'Rootsy Jane <jane@customer.example.org>' }],
  ['notification-subject', { subject: 'Cron <root@web1> /usr/local/bin/backup' }, { subject: 'Question about a cron job in your product' }],
  ['transactional-subject', { subject: 'Your order #1234 has shipped' }, { subject: 'Re: Your order #1234 has shipped', body: 'It has not arrived.' }],
  ['promotional-subject', { subject: 'Black Friday: 30 % off everything' }, { subject: 'Re: Black Friday: 30 % off everything', body: 'The code does not work at checkout.' }],
  ['transactional-text', { body: 'Thank you for your order!\nOrder 1234, 2 items.' }, { body: 'I placed an order last week and it has not arrived.' }],
  ['automated-text', { body: 'This is an automated message, please do not reply to this email.' }, { body: 'Please reply to this email as soon as you can.' }],
  ['complaint-sender', { from: 'staff@mail.example.net' }, { from: 'Jane <jane.staff@customer.example.org>' }],
  ['complaint-subject', { subject: 'complaint about message from 192.0.2.1' }, { subject: 'Complaint about my delivery' }],
  ['personal-mail-client', { headers: { 'User-Agent': 'Mozilla Thunderbird' } }, { headers: { 'X-Mailer': 'PHPMailer 6.9' } }],
];

describe('every screening signal fires on machine mail and leaves the nearest person alone', () => {
  it.each(SIGNAL_CASES)('%s', async (code, catches, leavesAlone, env, personEnv) => {
    expect(signalsOf(await screen(catches, env ?? {}))).toContain(code);
    expect(signalsOf(await screen(leavesAlone, personEnv ?? {}))).not.toContain(code);
  });

  it('the attached-message signal: another mail attached whole', async () => {
    const raw = [
      'From: staff@mail.example.net',
      'To: support@example.com',
      'Subject: complaint about message from 192.0.2.1',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      'From: support@example.com',
      'Subject: Your ticket',
      '',
      'We received your mail.',
      '--b--',
      '',
    ].join('\r\n');
    const result = screenMail(await parseMail(raw), envelope(), exampleConfig, { suppressed: false });
    expect(result.signals.map((signal) => signal.code)).toEqual(expect.arrayContaining(['attached-message', 'complaint-sender', 'complaint-subject']));
    expect(result.automated).toBe(true);
    expect(signalsOf(await screen())).not.toContain('attached-message');
  });

  it('the headerless-submission signal: neither Date nor Message-ID, as a script writing straight to our MX leaves it', async () => {
    const raw = (extra: string[]) => ['From: "Formação Frenetik" <info@courses.example.org>', 'To: support@example.com', 'Subject: Mega Campanha Final Verão | Cursos de Setembro', ...extra, '', 'TEST', ''].join('\r\n');
    const scripted = screenMail(await parseMail(raw([])), envelope(), exampleConfig, { suppressed: false });
    expect(scripted.signals.map((signal) => signal.code)).toEqual(['headerless-submission', 'promotional-subject']);
    expect(scripted.acknowledge).toBe(false);
    expect(scripted.automated).toBe(false);
    // A client that leaves out its Message-ID still dates the mail (and its server adds the ID).
    const dated = screenMail(await parseMail(raw(['Date: Thu, 03 Dec 2026 09:00:00 +0000'])), envelope(), exampleConfig, { suppressed: false });
    expect(dated.signals.map((signal) => signal.code)).not.toContain('headerless-submission');
  });

  it('covers every signal the config knows', () => {
    const tested = new Set<string>([...SIGNAL_CASES.map(([code]) => code), 'attached-message', 'headerless-submission']);
    expect(SCREENING_SIGNALS.filter((code) => !tested.has(code))).toEqual([]);
  });
});

describe('the score decides, with the thresholds from config', () => {
  it('one weak signal alone never costs a person the acknowledgement', async () => {
    for (const fields of [{ headers: { Precedence: 'bulk' } }, { from: 'Brand <newsletter@brand.example.org>' }, { body: 'I am out of the office until 5 May.' }]) {
      const result = await screen(fields);
      expect(result.score, JSON.stringify(fields)).toBeGreaterThan(0);
      expect(result.acknowledge, JSON.stringify(fields)).toBe(true);
    }
  });

  it('weak signals together hold the acknowledgement back, but the mail still reaches the team with the reason', async () => {
    const result = await screen({ subject: 'Out of office', body: 'I am out of the office until 5 May.' });
    expect(result).toMatchObject({ acknowledge: false, automated: false, quarantine: false, score: 7 });
    expect(result.heldBack).toMatch(/machine-mail score 7 reaches 5/);
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        { code: 'out-of-office-subject', detail: '+3 the subject mentions absence' },
        { code: 'screening-score', detail: '7 (acknowledgement held back at 5, machine mail at 8)' },
      ]),
    );
  });

  it('a score at machineAt makes it machine mail: kept, not answered, not routed', async () => {
    const result = await screen({ subject: 'Automatic reply: Question about my order' });
    expect(result).toMatchObject({ acknowledge: false, automated: true, heldBack: undefined, score: 8 });
  });

  it('moves with the thresholds and weights in config', async () => {
    const lenient = configWith({ screening: { holdBackAt: 20, machineAt: 30 } });
    expect((await screen({ subject: 'Out of office', body: 'I am out of the office until 5 May.' }, {}, false, lenient)).acknowledge).toBe(true);
    const noPrecedence = configWith({ screening: { weights: { precedence: 0 } } });
    expect(signalsOf(await screen({ headers: { Precedence: 'bulk' } }, {}, false, noPrecedence))).toEqual([]);
    const strict = configWith({ screening: { weights: { 'bulk-sender-address': 9 } } });
    expect((await screen({ from: 'newsletter@brand.example.org' }, {}, false, strict)).automated).toBe(true);
  });

  it('a mail client is no evidence of a person in an absence note or a mass mailing (rules and Bcc send those)', async () => {
    const result = await screen({ subject: 'Out of office', body: 'I am out of the office until 5 May.', headers: { 'User-Agent': 'Mozilla Thunderbird' } });
    expect(signalsOf(result)).not.toContain('personal-mail-client');
    expect(result.acknowledge).toBe(false);
  });

  it('a mail client is no evidence of a person in list traffic either (people post to lists from their clients)', async () => {
    const result = await screen({ subject: 'Re: [aur-general] Guidelines', headers: { 'User-Agent': 'Mozilla Thunderbird', References: '<a1@lists.example.org> <b2@example.net>' } });
    expect(signalsOf(result)).toEqual(['list-subject-tag', 'list-thread-reply']);
    expect(result.acknowledge).toBe(false);
  });

  it('a date inside an absence sentence does not end it', async () => {
    expect(signalsOf(await screen({ body: 'Ich bin bis zum 3. Mai im Urlaub.' }))).toContain('out-of-office-text');
  });

  it('an SRS-rewritten return path is a forwarder, not a bounce handler', async () => {
    expect(signalsOf(await screen({}, { envelopeSender: 'SRS0=JyPW=K7=customer.example.org=jane@bounce.forwarder.example.net' }))).not.toContain('bounce-return-path');
  });

  it('a personal mail client counts against: two weak signals from Thunderbird are still answered', async () => {
    const result = await screen({ headers: { Precedence: 'bulk', 'User-Agent': 'Mozilla Thunderbird' } }, { envelopeSender: 'bounces+1@relay.example.org' });
    expect(result.score).toBe(4);
    expect(result.acknowledge).toBe(true);
  });
});

describe('hard rules: machine mail beyond doubt, whatever the score', () => {
  const allNegative = configWith({ screening: { weights: { 'personal-mail-client': -20 } } });
  const cases: [string, Fields, string][] = [
    ['Auto-Submitted: auto-replied', { headers: { 'Auto-Submitted': 'auto-replied' } }, 'auto-submitted'],
    ['Auto-Submitted: auto-generated', { headers: { 'Auto-Submitted': 'auto-generated' } }, 'auto-submitted'],
    ['our own address', { from: 'Example Support <support@example.com>' }, 'own-address'],
    ['our loop header', { headers: { 'X-Replyline-Loop': 'Replyline.example.com' } }, 'loop-header'],
    ["another install's loop header", { headers: { 'X-Replyline-Loop': 'Other.example.net' } }, 'loop-header'],
  ];
  it.each(cases)('%s', async (_name, fields, code) => {
    const result = await screen({ ...fields, headers: { ...fields.headers, 'User-Agent': 'Mozilla Thunderbird' } }, {}, false, allNegative);
    expect(result.score).toBeLessThan(0);
    expect(result).toMatchObject({ acknowledge: false, quarantine: false, automated: true });
    expect(codes(result.reasons)).toContain(code);
  });

  it('Auto-Submitted: no is a person and is answered', async () => {
    expect((await screen({ headers: { 'Auto-Submitted': 'no' } })).acknowledge).toBe(true);
  });

  it('a mail carrying one of our own Message-IDs (our mail came back) is not answered', async () => {
    const mail = await parseMail(rawMail({ from: 'jane@customer.example.org', to: 'support@example.com', subject: 'x', body: 'y', messageId: 'rl.ack.rl-abc123.0011223344556677@example.com' }));
    const result = screenMail(mail, envelope(), exampleConfig, { suppressed: false });
    expect(codes(result.reasons)).toContain('own-message-id');
    expect(result.automated).toBe(true);
  });

  const report = (contentType: string, partType: string) =>
    [
      'From: Mail Delivery Subsystem <mailer@mx.example.org>',
      'To: support@example.com',
      'Subject: Delivery Status Notification (Failure)',
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}; boundary="b"`,
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      `Content-Type: ${partType}`,
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; gone@example.org',
      'Action: failed',
      '--b--',
      '',
    ].join('\r\n');

  it('delivery reports (multipart/report) and ARF complaint reports', async () => {
    const dsn = screenMail(await parseMail(report('multipart/report; report-type=delivery-status', 'message/delivery-status')), envelope(), exampleConfig, { suppressed: false });
    expect(codes(dsn.reasons)).toContain('delivery-report');
    const arf = screenMail(await parseMail(report('multipart/report; report-type=feedback-report', 'message/feedback-report')), envelope(), exampleConfig, { suppressed: false });
    expect(codes(arf.reasons)).toContain('feedback-report');
    expect([dsn.automated, arf.automated]).toEqual([true, true]);
  });
});

describe('people we must not answer', () => {
  it('noreply-style senders (default pattern): routed to the team with the reason, not machine mail', async () => {
    for (const from of ['noreply@shop.example.org', 'no-reply@shop.example.org', 'do-not-reply@shop.example.org', 'notifications@shop.example.org']) {
      const result = await screen({ from });
      expect(codes(result.reasons), from).toContain('noreply-sender');
      expect(result).toMatchObject({ acknowledge: false, automated: false, heldBack: 'the sender address does not take replies' });
    }
  });

  it('a configurable noreply pattern', async () => {
    const config = configWith({ acknowledgement: { noReplySenderPattern: '^robot@' } });
    expect((await screen({ from: 'robot@factory.example.org' }, {}, false, config)).acknowledge).toBe(false);
    expect((await screen({ from: 'noreply@factory.example.org' }, {}, false, config)).acknowledge).toBe(true);
  });

  it('senders on the suppression list', async () => {
    const result = await screen({}, {}, true);
    expect(codes(result.reasons)).toEqual(['suppressed']);
    expect(result).toMatchObject({ acknowledge: false, quarantine: false, heldBack: 'the sender is on the suppression list' });
  });

  it('SPF and DKIM both failing without a DMARC verdict: kept, not answered (no backscatter)', async () => {
    const result = await screen({}, { verdicts: { spf: 'FAIL', dkim: 'FAIL' } });
    expect(codes(result.reasons)).toEqual(['unauthenticated-sender']);
    expect(result).toMatchObject({ acknowledge: false, quarantine: false });
  });
});

describe('quarantine', () => {
  const verdictCases: [string, ReceiptVerdicts, string][] = [
    ['SES spam verdict FAIL', { spam: 'FAIL' }, 'spam-verdict'],
    ['SES virus verdict FAIL', { virus: 'FAIL' }, 'virus-verdict'],
    ['DMARC FAIL (spoofed From)', { dmarc: 'FAIL' }, 'dmarc-fail'],
  ];
  it.each(verdictCases)('%s', async (_name, verdicts, code) => {
    const result = await screen({}, { verdicts });
    expect(result).toMatchObject({ quarantine: true, acknowledge: false });
    expect(codes(result.reasons)).toContain(code);
  });

  it('reads SES verdict headers from the stored mail when the receipt has none (topmost header wins)', async () => {
    const result = await screen({ headers: { 'X-SES-Spam-Verdict': 'FAIL', 'X-SES-Virus-Verdict': 'PASS' } });
    expect(codes(result.reasons)).toEqual(['spam-verdict']);
  });

  it("reads DMARC from SES's Authentication-Results header", async () => {
    const result = await screen({ headers: { 'Authentication-Results': 'amazonses.com; spf=pass smtp.mailfrom=x; dkim=fail header.i=@x; dmarc=fail header.from=bank.example' } });
    expect(codes(result.reasons)).toEqual(['dmarc-fail']);
  });

  it('ignores Authentication-Results written by someone other than SES', async () => {
    expect((await screen({ headers: { 'Authentication-Results': 'mx.attacker.example; dmarc=fail' } })).quarantine).toBe(false);
  });

  it('treats no verdicts at all as "not scanned", not as a failure (local mode)', async () => {
    expect((await screen({}, { verdicts: {} })).quarantine).toBe(false);
  });

  it('an upstream X-Spam-Flag: YES', async () => {
    expect(codes((await screen({ headers: { 'X-Spam-Flag': 'YES' } })).reasons)).toEqual(['spam-flag']);
  });

  it('a mail that could not be parsed', () => {
    expect(screenMail(undefined, envelope(), exampleConfig, { suppressed: false })).toMatchObject({ quarantine: true, reasons: [expect.objectContaining({ code: 'unparseable' })] });
  });

  it('a zero-byte mail', async () => {
    const result = screenMail(await parseMail(Buffer.alloc(0)), envelope(), exampleConfig, { suppressed: false });
    expect(result.quarantine).toBe(true);
    expect(codes(result.reasons)).toContain('empty');
  });

  it('a mail without any sender address', async () => {
    const result = screenMail(await parseMail('To: support@example.com\r\nSubject: hi\r\n\r\nhello\r\n'), envelope(), exampleConfig, { suppressed: false });
    expect(codes(result.reasons)).toContain('no-sender');
    expect(result.quarantine).toBe(true);
  });
});
