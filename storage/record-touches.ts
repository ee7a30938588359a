import { touchFigures } from '../domain/touch-figures';
import { StorageError, validated } from './errors';
import { recordTouchInput, type RecordTouchInput } from './inputs';
import { touchSchema, type Deal, type Touch } from './schemas';
import type { StoreContext } from './db';
import { changedDeal } from './deal-record';
import { keepPromisesBy } from './objections';
import { rowsOfDeal } from './by-deal';
import { primaryKeysUnder, recordsUnder } from './index-lookup';
import { isFormerRecord, nearestPendingSend } from './touches';

type Parsed = ReturnType<typeof recordTouchInput.parse>;

/** One deal's record and touches as the batch changes them, written once at the end. */
interface DealInBatch {
  deal: Deal;
  /** Every touch of the deal, in [dealId+at] order as read, then the batch's new ones. */
  touches: Touch[];
  /** Touches to write: new, re-keyed or taken over, by id. */
  written: Map<string, Touch>;
  figuresChanged: boolean;
  /** The latest outbound message the batch added: it keeps the answers promised before it. */
  latestOutbound: Touch | null;
}

/**
 * Records a page's messages in one transaction; returns how many were new and, when the
 * messages changed anything, the deal as they left it (null when all were known already).
 *
 * Each message is taken as recordTouch() takes it (storage/touches.ts): one already known
 * under its key or an alias is left alone, a record under its id alone is re-keyed, a
 * pending send is taken over, anything else is a new touch. The difference is the cost: the
 * keys are looked up at once, each deal and its touches are read once and written once, its
 * figures worked out from all its touches. A thread's messages are one small transaction,
 * not a handful of requests per message that hold up the next thread's panel.
 *
 * Reopening a thread whose messages are all known writes nothing (and so waits on no other
 * writer).
 */
export async function recordTouches(
  ctx: StoreContext,
  inputs: RecordTouchInput[],
): Promise<{ created: number; deal: Deal | null }> {
  const { db } = ctx;
  const parsed = inputs.map((input) => validated('touch', recordTouchInput, input));
  const keys = parsed.map((input) => input.sourceKey).filter((key) => key !== undefined);
  if (keys.length === parsed.length && parsed.length > 0) {
    const known = await db.transaction('r', db.touches, () =>
      primaryKeysUnder(db.touches, 'sourceKey', keys),
    );
    if (known.every((found) => found.length > 0)) return { created: 0, deal: null };
  }
  return db.transaction('rw', db.deals, db.touches, db.objections, async () => {
    const byKey = await touchesByKey(ctx, parsed);
    const deals = new Map<string, DealInBatch | null>();
    const dealInBatch = async (dealId: string) => {
      if (!deals.has(dealId)) deals.set(dealId, await readDeal(ctx, dealId));
      return deals.get(dealId)!;
    };
    let created = 0;
    let lastDealId: string | null = null;
    for (const input of parsed) {
      const known = knownTouch(byKey, input);
      if (known && (await dealInBatch(known.dealId))) continue;
      const batch = await dealInBatch(input.dealId);
      if (!batch)
        throw new StorageError('not-found', `No deal with id ${input.dealId}`, { field: 'dealId' });
      const { touch, replaced } = takeMessage(ctx, batch, input);
      // A re-keyed record is no longer known by its former key.
      if (replaced?.sourceKey) byKey.delete(replaced.sourceKey);
      if (touch.sourceKey) byKey.set(touch.sourceKey, touch);
      if (!replaced) created++;
      batch.written.set(touch.id, touch);
      lastDealId = input.dealId;
    }
    for (const batch of deals.values()) if (batch) await writeDeal(ctx, batch);
    return { created, deal: lastDealId ? deals.get(lastDealId)!.deal : null };
  });
}

/** The touches already stored under any key or alias of `inputs`, by key. */
async function touchesByKey(ctx: StoreContext, inputs: Parsed[]): Promise<Map<string, Touch>> {
  const keys = inputs.flatMap((input) =>
    input.sourceKey ? [input.sourceKey, ...(input.aliases ?? [])] : [],
  );
  const found = await recordsUnder(ctx.db.touches, 'sourceKey', keys);
  return new Map(found.map((touch) => [touch.sourceKey!, touch]));
}

/** The touch a message is known as already, under its key or an alias: the first in key order. */
function knownTouch(byKey: Map<string, Touch>, input: Parsed): Touch | undefined {
  if (!input.sourceKey) return undefined;
  const keys = [input.sourceKey, ...(input.aliases ?? [])].sort();
  for (const key of keys) {
    const touch = byKey.get(key);
    if (touch) return touch;
  }
  return undefined;
}

async function readDeal(ctx: StoreContext, dealId: string): Promise<DealInBatch | null> {
  const [deal, touches] = await Promise.all([
    ctx.db.deals.get(dealId),
    rowsOfDeal(ctx.db.touches, dealId).toArray(),
  ]);
  if (!deal) return null;
  return { deal, touches, written: new Map(), figuresChanged: false, latestOutbound: null };
}

/** Touches in the order of the [dealId+at] index: by time, then by id. */
function inIndexOrder(touches: readonly Touch[]): Touch[] {
  return [...touches].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A message not known yet, as a touch of the deal: its former record re-keyed, the pending
 * send it is taken over, or a new touch.
 */
function takeMessage(
  ctx: StoreContext,
  batch: DealInBatch,
  input: Parsed,
): { touch: Touch; replaced?: Touch } {
  const replace = (before: Touch, after: Touch) => {
    batch.touches[batch.touches.indexOf(before)] = after;
    return { touch: after, replaced: before };
  };
  const prefix = input.formerKeyPrefix;
  const former =
    input.sourceKey && prefix
      ? inIndexOrder(batch.touches).find((t) => isFormerRecord(t, input, prefix))
      : undefined;
  // Re-keyed, so that the next message of that minute does not take it as well.
  if (former)
    return replace(
      former,
      validated('touch', touchSchema, { ...former, sourceKey: input.sourceKey }),
    );
  const pending =
    input.sourceKey && !input.pending && input.direction === 'outbound'
      ? nearestPendingSend(inIndexOrder(batch.touches), input.channel, input.at)
      : undefined;
  if (pending) {
    batch.figuresChanged = true;
    return replace(
      pending,
      validated('touch', touchSchema, {
        ...pending,
        sourceKey: input.sourceKey,
        at: input.at,
        pending: undefined,
      }),
    );
  }
  const touch = validated('touch', touchSchema, {
    ...input,
    id: crypto.randomUUID(),
    createdAt: ctx.now(),
  });
  batch.touches.push(touch);
  batch.figuresChanged = true;
  if (touch.direction === 'outbound' && touch.channel !== 'note')
    if (!batch.latestOutbound || touch.at > batch.latestOutbound.at) batch.latestOutbound = touch;
  return { touch };
}

/** The batch's touches and, when they moved its figures, the deal: each written once. */
async function writeDeal(ctx: StoreContext, batch: DealInBatch): Promise<void> {
  if (batch.written.size > 0) await ctx.db.touches.bulkPut([...batch.written.values()]);
  if (!batch.figuresChanged) return;
  let deal: Deal = { ...batch.deal, ...touchFigures(batch.touches) };
  if (batch.latestOutbound) deal = await keepPromisesBy(ctx, deal, batch.latestOutbound);
  batch.deal = changedDeal(ctx, deal);
  await ctx.db.deals.put(batch.deal);
}
