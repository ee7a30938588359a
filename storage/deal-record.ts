import type { Table } from 'dexie';
import { lastMovementAt } from '../domain/cadence';
import { emptyBant } from '../domain/bant';
import { StorageError, validated } from './errors';
import { dealSchema, type Deal } from './schemas';
import type { StoreContext } from './db';

/** A deal's touch figures before its first touch: recording touches fills them in. */
export const NO_TOUCH_FIGURES = {
  touchCount: 0,
  lastTouchAt: null,
  lastTouchDirection: null,
  lastDirectedTouchAt: null,
  lastInboundAt: null,
  outboundSinceInbound: 0,
  followUpCount: 0,
} as const;

/** A new deal record with its derived fields at their starting values. */
export function newDealRecord(fields: {
  id: string;
  title: string;
  company: string;
  value: number;
  currency: string;
  stageId: string;
  expectedClose: string | null;
  notes: string;
  contactIds: string[];
  /** The team member whose deal it is; none without a team. */
  owner?: string | null;
  now: number;
}): Deal {
  const { now, ...rest } = fields;
  return validated('deal', dealSchema, {
    ...rest,
    status: 'open',
    closeReason: '',
    closedAt: null,
    bant: emptyBant(),
    checkedExitItems: [],
    createdAt: now,
    updatedAt: now,
    stageChangedAt: now,
    snoozedUntil: null,
    ...NO_TOUCH_FIGURES,
    lastMovementAt: now,
  });
}

export async function requireDeal(ctx: StoreContext, id: string): Promise<Deal> {
  const deal = await ctx.db.deals.get(id);
  if (!deal) throw new StorageError('not-found', `No deal with id ${id}`, { field: 'dealId' });
  return deal;
}

/**
 * Read, change and write one deal inside a transaction: the change sees the latest record,
 * so two tabs writing at once never lose each other's update.
 */
export function mutateDeal(
  ctx: StoreContext,
  id: string,
  change: (deal: Deal) => Deal | Promise<Deal>,
  extraTables: Table[] = [],
): Promise<Deal> {
  const { db } = ctx;
  return db.transaction('rw', [db.deals, ...extraTables], async () => {
    const current = await requireDeal(ctx, id);
    const next = changedDeal(ctx, await change(current));
    await db.deals.put(next);
    return next;
  });
}

/** A deal as written after a change: checked, stamped now, its last movement worked out. */
export function changedDeal(ctx: StoreContext, changed: Deal): Deal {
  return validated('deal', dealSchema, {
    ...changed,
    updatedAt: ctx.now(),
    lastMovementAt: lastMovementAt(changed),
  });
}
