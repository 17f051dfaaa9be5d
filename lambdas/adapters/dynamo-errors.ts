import { ConditionalCheckFailedException, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/** A condition (version, lease, absence) was not met: someone else got there first. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/** Why each item of a cancelled transaction failed, in the order the items were given. */
export function cancellationCodes(error: unknown): (string | undefined)[] {
  if (error instanceof TransactionCanceledException || (error as { name?: string })?.name === 'TransactionCanceledException') {
    return ((error as TransactionCanceledException).CancellationReasons ?? []).map((reason) => reason.Code);
  }
  return [];
}

/**
 * Sends a conditional write: true if it was applied, false if its condition was not met (someone
 * else got there first, which the caller treats as an answer, not a failure); other errors throw.
 */
export async function appliedUnlessConditionFails(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The items of a cancelled transaction as they were, for the items that asked for them (ReturnValuesOnConditionCheckFailure). */
export function cancellationItems(error: unknown): (Record<string, unknown> | undefined)[] {
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => (reason.Item ? unmarshall(reason.Item) : undefined));
}

/** The item a failed condition saw, when the request asked for it (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
export function conditionFailureItem(error: unknown): Record<string, unknown> | undefined {
  const item = (error as { Item?: Record<string, AttributeValue> }).Item;
  return item ? unmarshall(item) : undefined;
}
