import { expect, it } from 'vitest';
import { classify, type Classification } from '../../lambdas/core/classify/classify.js';
import type { IntentName } from '../../lambdas/schemas/vocabulary.js';
import type { Priority } from '../../lambdas/schemas/vocabulary.js';
import { renderReason } from '../../lambdas/schemas/reasons.js';

/** A mail written for a language's tests, with what a support lead would file it as. */
export interface ClassifyCase {
  name: string;
  subject: string;
  text: string;
  category: IntentName | string;
  priority: Priority | string;
  /** For Chinese: the script the acknowledgement must follow. */
  script?: 'Hans' | 'Hant';
}

/** Classifies a mail to an address whose own language is English (so the mail's language must be detected). */
export function classifyText(subject: string, text: string): Classification {
  return classify({ subject, text, recipient: '', sender: '', headers: new Map() }, { rules: [] }, { team: 't', language: 'en' });
}

/** One test per case: category, priority, the detected language (and script); the reasons are shown on failure. */
export function itClassifiesEach(language: string, cases: readonly ClassifyCase[]): void {
  it.each(cases)('$name', ({ subject, text, category, priority, script }) => {
    const result = classifyText(subject, text);
    const why = result.reasons.map(renderReason).join('\n');
    expect({ category: result.category, priority: result.priority, language: result.language }, why).toEqual({ category, priority, language });
    if (script) expect(result.script, why).toBe(script);
  });
}

/** One test per `[category, subject, text]` row: topics that are easily confused. */
export function itFindsEachTopic(language: string, rows: ReadonlyArray<readonly [string, string, string]>): void {
  it.each(rows)('%s: %s', (category, subject, text) => {
    const result = classifyText(subject, text);
    const why = result.reasons.map(renderReason).join('\n');
    expect({ category: result.category, language: result.language }, why).toEqual({ category, language });
  });
}

/** One test per `[priority, subject, text]` row: priorities that are easily misread. */
export function itFindsEachPriority(language: string, rows: ReadonlyArray<readonly [string, string, string]>): void {
  it.each(rows)('priority %s: %s', (priority, subject, text) => {
    const result = classifyText(subject, text);
    const why = result.reasons.map(renderReason).join('\n');
    expect({ priority: result.priority, language: result.language }, why).toEqual({ priority, language });
  });
}
