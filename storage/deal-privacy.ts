import { rowsOfDeal } from './by-deal';
import { mutateDeal } from './deal-record';
import type { Deal } from './schemas';
import { TEAM_MARK_SEQ } from './sync-outbox';
import type { StoreContext } from './db';

/**
 * Marks a deal private (kept to this browser) or shared again. In a team, everything that
 * hangs on the deal is noted for the next push in the same transaction: marked private, what
 * the team had of it is withdrawn; shared again, it all goes out in full.
 */
export function setDealPrivate(ctx: StoreContext, dealId: string, keep: boolean): Promise<Deal> {
  const { db } = ctx;
  const tables = [db.contacts, db.links, db.touches, db.stageHistory, db.objections, db.syncOutbox];
  return mutateDeal(
    ctx,
    dealId,
    async (deal) => {
      if (Boolean(deal.private) === keep) return deal;
      if (await db.syncOutbox.get(TEAM_MARK_SEQ)) await noteHangingOn(ctx, deal);
      const { private: _was, ...rest } = deal;
      return keep ? { ...rest, private: true } : rest;
    },
    tables,
  );
}

/** Notes every row that hangs on a deal, as the outbox middleware notes a write. */
async function noteHangingOn(ctx: StoreContext, deal: Deal): Promise<void> {
  const { db } = ctx;
  const rows: { table: string; keys: (string | number)[] }[] = [
    { table: 'contacts', keys: deal.contactIds },
    { table: 'links', keys: await db.links.where('dealId').equals(deal.id).primaryKeys() },
    { table: 'touches', keys: await rowsOfDeal(db.touches, deal.id).primaryKeys() },
    { table: 'stageHistory', keys: await rowsOfDeal(db.stageHistory, deal.id).primaryKeys() },
    {
      table: 'objections',
      keys: await db.objections
        .where('[dealId+createdAt]')
        .between([deal.id, 0], [deal.id, Infinity])
        .primaryKeys(),
    },
  ];
  const at = ctx.now();
  await db.syncOutbox.bulkAdd(
    rows.flatMap(({ table, keys }) => keys.map((key) => ({ table, key, at }))),
  );
}
