import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bitextToEvalCsv, EvalError } from './eval.js';
import { BITEXT_SAMPLE_PATH } from './shared-data.js';

/**
 * Writes the shared Bitext sample in `replyline eval` format:
 *   npx tsx tools/dev/bitext-to-csv.ts                 → .replyline/bitext-even.csv (tuning half) and .replyline/bitext-odd.csv (held out)
 *   npx tsx tools/dev/bitext-to-csv.ts --split all --out x.csv [--source path/to/Bitext_….csv]
 * then: npx replyline eval .replyline/bitext-odd.csv
 */
function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: 'string', default: BITEXT_SAMPLE_PATH },
      split: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const splits = values.split ? [values.split] : ['even', 'odd'];
  for (const split of splits) {
    if (split !== 'even' && split !== 'odd' && split !== 'all') {
      process.stderr.write(`--split must be even, odd or all (got "${split}")\n`);
      return 1;
    }
    const out = resolve(values.out && splits.length === 1 ? values.out : `.replyline/bitext-${split}.csv`);
    try {
      const { rows, byCategory } = bitextToEvalCsv(resolve(values.source), out, split);
      process.stdout.write(`${out}: ${rows} rows (${Object.entries(byCategory).map(([name, count]) => `${name} ${count}`).join(', ')})\n`);
    } catch (error) {
      if (error instanceof EvalError) {
        process.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
