import { valuesOf } from '../domain/sync-merge';
import { StorageError, validated } from './errors';
import { touchSchema, type Touch } from './schemas';
import type { StoreContext } from './db';
import type { PulledRecord } from './sync-apply';
import { primaryKeysUnder } from './index-lookup';

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
  const fresh = await notYetHere(ctx, touches);
  await ctx.db.touches.bulkAdd(fresh);
  result.applied = fresh.length;
  return result;
}

function toTouch(item: PulledRecord): Touch {
  const { sourceKey, ...values } = valuesOf(item.record);
  return validated('touch', touchSchema, {
    ...values,
    ...(typeof sourceKey === 'string' ? { sourceKey } : {}),
  });
}

/** The touches that are neither in the database nor earlier in the same list. */
async function notYetHere(ctx: StoreContext, touches: Touch[]): Promise<Touch[]> {
  const sourceKeys = touches.flatMap((t) => (t.sourceKey ? [t.sourceKey] : []));
  const [byId, bySource] = await Promise.all([
    ctx.db.touches.bulkGet(touches.map((t) => t.id)),
    primaryKeysUnder(ctx.db.touches, 'sourceKey', sourceKeys),
  ]);
  const ids = new Set<string>();
  const sources = new Set(sourceKeys.filter((_, i) => bySource[i]!.length > 0));
  return touches.filter((touch, i) => {
    if (byId[i] || ids.has(touch.id)) return false;
    if (touch.sourceKey && sources.has(touch.sourceKey)) return false;
    ids.add(touch.id);
    if (touch.sourceKey) sources.add(touch.sourceKey);
    return true;
  });
}
