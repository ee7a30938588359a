import Dexie from 'dexie';
import { valuesOf } from '../domain/sync-merge';
import { StorageError, validated } from './errors';
import { touchSchema, type Touch } from './schemas';
import type { StoreContext } from './db';
import type { PulledRecord } from './sync-apply';

export interface PulledTouches {
  applied: number;
  setAside: { id: string; reason: string }[];
  /** Deals whose touch figures must be worked out again. */
  dealIds: Set<string>;
}

/**
 * Adds pulled touches inside the caller's transaction, all at once: a first pull brings a
 * hundred thousand. A touch already here (the same message recorded in both browsers, or a
 * pull cut short and applied again) is not added twice.
 */
export async function addPulledTouches(
  ctx: StoreContext,
  items: PulledRecord[],
): Promise<PulledTouches> {
  const result: PulledTouches = { applied: 0, setAside: [], dealIds: new Set() };
  const touches: Touch[] = [];
  for (const item of items) {
    try {
      touches.push(toTouch(item));
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      result.setAside.push({ id: item.id, reason: error.message });
    }
  }
  // Even when they are here already: their deal's figures are worked out again.
  for (const touch of touches) result.dealIds.add(touch.dealId);
  result.applied = await addNewOnes(ctx, touches);
  return result;
}

function toTouch(item: PulledRecord): Touch {
  const { sourceKey, ...values } = valuesOf(item.record);
  return validated('touch', touchSchema, {
    ...values,
    ...(typeof sourceKey === 'string' ? { sourceKey } : {}),
  });
}

/**
 * Adds the touches that are neither in the database nor earlier in the same list; returns how
 * many. Each is simply added: one already here, under its id or its message's key (both
 * unique), is refused by IndexedDB and left out, and the transaction goes on. Looking each up
 * first cost two reads per touch, a hundred thousand on a first pull, to find none.
 */
async function addNewOnes(ctx: StoreContext, touches: Touch[]): Promise<number> {
  try {
    await ctx.db.touches.bulkAdd(touches);
    return touches.length;
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.values(error.failuresByPos);
    const other = failures.find((failure) => failure.name !== 'ConstraintError');
    if (other) throw other;
    return touches.length - failures.length;
  }
}
