import { describe, expect, it } from 'vitest';
import { withMessageId } from '../../local/ses-outbox-proxy.js';

describe('the local SES outbox, as a recipient of SES mail sees it', () => {
  it('carries SES\'s Message-ID instead of the one we composed, folded or not, and leaves the rest alone', () => {
    const folded = Buffer.from('From: a@example.com\r\nMessage-ID:\r\n <rl.ack.rl-abc123.0011@example.com>\r\nSubject: Hi\r\n\r\nMessage-ID: in the body stays\r\n');
    expect(withMessageId(folded, 'ses-1@email.amazonses.com').toString()).toBe('From: a@example.com\r\nMessage-ID: <ses-1@email.amazonses.com>\r\nSubject: Hi\r\n\r\nMessage-ID: in the body stays\r\n');
    const without = Buffer.from('From: a@example.com\nSubject: Hi\n\nbody\n');
    expect(withMessageId(without, 'ses-2@email.amazonses.com').toString()).toBe('Message-ID: <ses-2@email.amazonses.com>\nFrom: a@example.com\nSubject: Hi\n\nbody\n');
  });
});
