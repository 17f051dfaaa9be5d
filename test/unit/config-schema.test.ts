import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../tools/dev/config-schema.js';

describe('replyline.config.schema.json', () => {
  it('matches the zod schema (regenerate with `npm run config-schema`)', () => {
    expect(readFileSync('replyline.config.schema.json', 'utf8')).toBe(configJsonSchema());
  });
});
