import { describe, expect, it } from 'vitest';
import { classify } from '../../lambdas/core/classify/classify.js';
import type { IntentName } from '../../lambdas/schemas/vocabulary.js';
import type { Priority } from '../../lambdas/schemas/vocabulary.js';

/**
 * English through the whole classifier, in the two registers customers write in: long formal
 * B2B mails and short consumer ones. Every mail is written for this test (none comes from the
 * evaluation set). More English cases: classify-intents.test.ts (typos, context words) and
 * classify-urgency.test.ts (tone and priority).
 */
function run(subject: string, text: string) {
  return classify({ subject, text, recipient: 'support@example.com', sender: 'customer@example.org', headers: new Map() }, { rules: [] }, { team: 't', language: 'en' });
}

const MAILS: Array<{ category: IntentName; priority: Priority; subject: string; text: string }> = [
  {
    category: 'refund',
    priority: 'normal',
    subject: 'Request for reimbursement - cancelled onboarding package',
    text: 'Dear Support Team,\n\nI am writing to request a reimbursement for the onboarding package we prepaid in January. The project was cancelled by mutual agreement on 12 February, before any sessions took place. Could you please credit the amount of EUR 3,400 back to our company card?\n\nThank you for your assistance.\n\nBest regards,\nHelena Brandt\nOperations Manager',
  },
  { category: 'refund', priority: 'normal', subject: 'kettle', text: 'hi the kettle I got last week stopped heating after 2 days. can I send it back and get my money back? order 778120' },
  {
    category: 'shipping',
    priority: 'normal',
    subject: 'Delivery status of PO 55-1182',
    text: 'Hello,\n\nOur purchase order of 14 monitors was confirmed on 2 October with an estimated delivery date of 9 October. We have not received a dispatch notice yet. Could you tell us when the shipment will leave your warehouse and send the tracking details?\n\nKind regards,\nFacilities, Norden Legal LLP',
  },
  { category: 'shipping', priority: 'normal', subject: 'where is my parcel??', text: 'The tracking says out for delivery since Tuesday but nothing has come. Can you check with the courier?' },
  {
    category: 'billing',
    priority: 'normal',
    subject: 'Billing discrepancy on invoice INV-88213',
    text: 'Dear Billing Department,\n\nWe have noticed a billing discrepancy on our latest invoice: the annual platform fee has been charged twice, once on 1 March and again on 3 March. Please review the charges, issue a credit memo for the duplicate and send us a corrected invoice.\n\nKind regards,\nAccounts Payable, Halvorsen & Berg',
  },
  { category: 'billing', priority: 'normal', subject: 'card declined', text: 'My card keeps getting declined when I try to pay for the monthly plan, but it works everywhere else.' },
  {
    category: 'technical',
    priority: 'normal',
    subject: 'Issue with our analytics platform integration',
    text: 'Dear Customer Support,\n\nI am writing to report an issue with the integration between our analytics platform and your data warehouse connector. Since Thursday the nightly import fails with a timeout after roughly 40 minutes, and the dashboards show figures from last week. We have verified our credentials and network settings.\n\nI would appreciate your guidance on how to proceed.\n\nBest regards,\nOmar Haddad, Data Engineering',
  },
  { category: 'technical', priority: 'normal', subject: 'headphones', text: "My headphones won't pair with my laptop anymore, bluetooth just says connection failed." },
  {
    category: 'account',
    priority: 'normal',
    subject: 'Administrator access for new IT lead',
    text: 'Hello,\n\nOur previous administrator has left the company. Could you please transfer the administrator rights of our workspace account to me and deactivate his user? I can confirm my identity by phone if needed.\n\nRegards,\nLena Fischer, IT Lead',
  },
  { category: 'account', priority: 'normal', subject: 'cant log in', text: 'I changed my password yesterday and now it says wrong password every time I try to log in.' },
  {
    category: 'sales',
    priority: 'low',
    subject: 'Inquiry about pricing of your marketing services',
    text: 'Dear Sales Team,\n\nI hope this message finds you well. I am writing to inquire about the pricing of your content marketing services for a mid-sized software company. Could you share an overview of your packages and what a six-month engagement would cost?\n\nThank you in advance.\nBest regards,\nPriya Raman, Head of Marketing',
  },
  { category: 'sales', priority: 'normal', subject: '30 laptops', text: 'We need 30 laptops for a new office. Can you send us a quote, and do you offer a volume discount?' },
  {
    category: 'complaint',
    priority: 'high',
    subject: 'Formal complaint about your support',
    text: 'Dear Sir or Madam,\n\nI wish to make a formal complaint. Over the past month I have opened four tickets and not received a single response, and the agent I finally reached by phone was dismissive. This level of service is unacceptable for a paying business customer.\n\nRegards,\nDavid Osei',
  },
  { category: 'complaint', priority: 'normal', subject: 'your driver', text: 'Your delivery driver was really rude to my elderly mother today. She was only asking where to sign.' },
  { category: 'feedback', priority: 'low', subject: 'Thank you!', text: 'I just wanted to say thank you to Amira from your support team, she was brilliant and sorted everything out in one call.' },
  { category: 'feedback', priority: 'low', subject: 'Suggestion', text: 'One suggestion for the app: it would be great to have a dark mode for the reports page. Keep up the good work!' },
  { category: 'other', priority: 'normal', subject: 'Internship', text: 'Hello, I am a student and would like to know whether you offer internships in your Berlin office next summer.' },
];

describe('English classification', () => {
  for (const mail of MAILS) {
    it(`${mail.category}/${mail.priority}: ${mail.subject}`, () => {
      const result = run(mail.subject, mail.text);
      expect({ category: result.category, priority: result.priority, language: result.language }, result.reasons.join('\n')).toEqual({
        category: mail.category,
        priority: mail.priority,
        language: 'en',
      });
    });
  }

  it('covers every intent', () => {
    expect(new Set(MAILS.map((mail) => mail.category)).size).toBe(9);
  });

  it('keeps politeness from deciding: thanks and appreciation around a problem', () => {
    const result = run(
      'Export broken',
      'Hello, first of all many thanks for your great help last time, I really appreciate it. Unfortunately the CSV export now fails with error 500. Thanks in advance!',
    );
    expect(result.category).toBe('technical');
    expect(result.priority).toBe('normal');
  });

  it('reads "not charging" as a fault and bank details in a refund as bank details', () => {
    expect(run('Phone', 'My phone is not charging, I tried another cable and plug.').category).toBe('technical');
    expect(run('Refund', 'Please pay the refund into my bank account: account number 55102993, sort code 40-11-62.').category).toBe('refund');
  });

  it('lets the body outweigh a strong subject word', () => {
    expect(run('Refund policy?', 'Before I buy: do you offer a volume discount on 50 licenses, and is there a free trial?').category).toBe('sales');
  });

  it('gives urgent, high and low priority', () => {
    expect(run('Outage', 'Our whole platform is down, none of our users can log in.').priority).toBe('urgent');
    expect(run('Breach', 'We believe our database was hacked and customer data leaked.').priority).toBe('urgent');
    expect(run('Legal', 'I will take legal action if my deposit is not returned.').priority).toBe('urgent');
    expect(run('Today please', 'I need the corrected invoice today, our payment run closes tonight. Urgent!').priority).toBe('high');
    expect(run('Awful', 'This is ridiculous, the worst service I have ever had.').priority).toBe('high');
    expect(run('Idea', 'Feature request: allow exporting to Google Sheets. No rush.').priority).toBe('low');
  });
});
