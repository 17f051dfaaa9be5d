import type { OutgoingMail } from '../../lambdas/core/outgoing.js';

/** A mail from support@example.com to a customer, with the fields a test cares about replaced. */
export function outgoingMail(fields: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: { address: 'support@example.com', name: 'Example Support' },
    to: [{ address: 'customer@customer.example.org', name: '' }],
    replyTo: undefined,
    subject: 'We received your message',
    text: 'Thanks.',
    messageId: 'ack-1@example.com',
    inReplyTo: undefined,
    references: [],
    headers: {},
    trackingKey: 'ack_1',
    ...fields,
  };
}
