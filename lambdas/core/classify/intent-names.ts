/** The built-in intents (the `category` of a classification). */
export const INTENT_NAMES = ['refund', 'shipping', 'billing', 'technical', 'account', 'sales', 'complaint', 'feedback', 'other'] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export function isIntentName(value: string): value is IntentName {
  return (INTENT_NAMES as readonly string[]).includes(value);
}
