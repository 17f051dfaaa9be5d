import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { replylineConfigSchema } from '../../lambdas/schemas/config.js';

/** JSON Schema of the config file, for editor hover help and completion (`$schema` in the config). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(replylineConfigSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Replyline configuration' }, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('config-schema.ts')) writeFileSync('replyline.config.schema.json', configJsonSchema());
