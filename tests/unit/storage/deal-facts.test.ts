import { describe, expect, it } from 'vitest';
import { stampLocalEdit, type SyncRecord } from '../../../domain/sync-merge';
import type { StoreContext } from '../../../storage/db';
import { closeDeal, createDeal, deleteDeal, moveStage, reopenDeal } from '../../../storage/deals';
import { metricsFacts, openDealCards } from '../../../storage/queries';
import type { Deal } from '../../../storage/schemas';
import { restoreRows } from '../../../storage/restore';
import { applyTeamRecords } from '../../../storage/sync-apply';
import { sharedFields, syncedKind } from '../../../storage/sync-records';
import { teamDealValues } from './team-records';
import { recordTouch } from '../../../storage/touches';
import { DAY, testStore } from './test-store';
import { movementKeyOf } from '../../../storage/open-movement';

/** The metrics' facts as the deals and stage history tables themselves hold them. */
async function factsFromTables(ctx: StoreContext) {
  const deals = await ctx.db.deals.toArray();
  const history = await ctx.db.stageHistory.toArray();
  return {
    deals: deals.map(({ id, status, value, stageId, createdAt, stageChangedAt, closedAt }) => ({
      id,
      status,
      value,
      stageId,
      createdAt,
      stageChangedAt,
      closedAt,
    })),
    history: history.map(({ dealId, from, to, at }) => ({ dealId, from, to, at })),
  };
}

/** The board's cards as the deals table holds them: what the cards and queue rows show. */
async function cardsFromTables(ctx: StoreContext) {
  const shown = [
    ...['id', 'title', 'company', 'value', 'currency', 'stageId', 'status', 'owner'],
    ...['createdAt', 'updatedAt', 'stageChangedAt', 'closedAt', 'snoozedUntil', 'answerDueAt'],
    ...['lastTouchAt', 'lastTouchDirection', 'followUpCount', 'lastMovementAt', 'private'],
  ] as const;
  const open = (await ctx.db.deals.toArray()).filter((deal) => deal.status === 'open');
  return open.map((deal) =>
    Object.fromEntries(
      shown.filter((field) => deal[field] !== undefined).map((field) => [field, deal[field]]),
    ),
  );
}

async function expectFactsAsTables(ctx: StoreContext) {
  expect(await metricsFacts(ctx)).toEqual(await factsFromTables(ctx));
  expect(await openDealCards(ctx)).toEqual(await cardsFromTables(ctx));
  // One key of last movement per open deal, none left behind by a deal moved, closed or gone.
  const open = (await ctx.db.deals.toArray()).filter((deal) => deal.status === 'open');
  expect((await ctx.db.openMovement.toArray()).map((m) => m.key)).toEqual(
    open.map(movementKeyOf).sort(),
  );
}

describe('the deal facts the metrics read, the cards the board reads, the keys the due scan reads', () => {
  it('follow every kind of write to deals and stage changes', async () => {
    const ctx = testStore();
    const a = await createDeal(ctx, { title: 'Acme', value: 1_000 });
    const b = await createDeal(ctx, { title: 'Initech', value: 5_000 });
    await expectFactsAsTables(ctx);

    ctx.tick(DAY);
    await moveStage(ctx, a.id, 'qualification');
    await recordTouch(ctx, { dealId: b.id, channel: 'email', direction: 'inbound', at: ctx.now() });
    await expectFactsAsTables(ctx);

    ctx.tick(DAY);
    await closeDeal(ctx, { dealId: a.id, status: 'won' });
    await closeDeal(ctx, { dealId: b.id, status: 'lost' });
    await reopenDeal(ctx, b.id);
    await expectFactsAsTables(ctx);
    expect((await metricsFacts(ctx)).deals.find((d) => d.id === a.id)?.status).toBe('won');

    // Fields only the cards show, changed by a partial update and by modify.
    await ctx.db.deals.update(b.id, { title: 'Initech renamed', private: true, owner: 'ayse' });
    await ctx.db.deals
      .where('id')
      .equals(b.id)
      .modify((deal: Deal) => {
        deal.snoozedUntil = ctx.now() + DAY;
        deal.answerDueAt = ctx.now() + 2 * DAY;
      });
    await expectFactsAsTables(ctx);
    expect((await openDealCards(ctx)).map((c) => c.title)).toEqual(['Initech renamed']);

    await deleteDeal(ctx, b.id, true);
    await expectFactsAsTables(ctx);
    expect(await openDealCards(ctx)).toEqual([]);
    expect((await metricsFacts(ctx)).deals.map((d) => d.id)).toEqual([a.id]);

    // A stage change kept apart from its deal, and edited and removed by key and by range.
    const kept = await ctx.db.stageHistory.add({ dealId: 'gone', from: null, to: 'won', at: 5 });
    await ctx.db.stageHistory.put({ id: kept, dealId: a.id, from: 'won', to: 'lost', at: 6 });
    await expectFactsAsTables(ctx);
    await ctx.db.stageHistory.delete(kept);
    await expectFactsAsTables(ctx);
    await ctx.db.stageHistory.clear();
    await expectFactsAsTables(ctx);
    await reopenDeal(ctx, a.id);
    await expectFactsAsTables(ctx);
    expect((await openDealCards(ctx)).map((c) => c.id)).toEqual([a.id]);
    await ctx.db.deals.clear();
    await expectFactsAsTables(ctx);
    expect(await ctx.db.dealFacts.count()).toBe(0);
    expect(await ctx.db.dealCards.count()).toBe(0);
  });

  it('follow bulk writes of many deals at once, as a restore or an import makes them', async () => {
    const ctx = testStore();
    const template = await createDeal(ctx, { title: 'Template', value: 10 });
    const ids = Array.from({ length: 300 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    // Stage changes first, for deals not yet written, then the deals themselves.
    await ctx.db.stageHistory.bulkAdd(
      ids.map((dealId, i) => ({ dealId, from: null, to: 'prospecting', at: i })),
    );
    await ctx.db.deals.bulkAdd(ids.map((id, i) => ({ ...template, id, value: i })));
    await expectFactsAsTables(ctx);
    // Many deals spread among others: read one by one.
    const spread = ids.filter((_, i) => i % 3 === 0).slice(0, 64);
    await ctx.db.deals.bulkPut(spread.map((id) => ({ ...template, id, status: 'won' as const })));
    await expectFactsAsTables(ctx);
    await ctx.db.deals.bulkDelete(ids.slice(0, 100));
    await expectFactsAsTables(ctx);
  });

  it('follow a restore, which leaves them out of the backup and works them out again', async () => {
    const source = testStore();
    const a = await createDeal(source, { title: 'Acme', value: 1_000 });
    await moveStage(source, a.id, 'qualification');
    const target = testStore();
    await createDeal(target, { title: 'Replaced' });
    const rows = new Map<string, readonly object[]>([
      ['deals', await source.db.deals.toArray()],
      ['stageHistory', await source.db.stageHistory.toArray()],
      ['settings', await source.db.settings.toArray()],
    ]);
    await restoreRows(target, rows);
    await expectFactsAsTables(target);
    expect((await metricsFacts(target)).deals.map((d) => d.id)).toEqual([a.id]);
  });

  it('follow a restore over a pipeline that moved on, one that changes nothing, and stage changes without their ids', async () => {
    const ctx = testStore();
    const a = await createDeal(ctx, { title: 'Acme', value: 1_000 });
    const b = await createDeal(ctx, { title: 'Initech', value: 5_000 });
    await moveStage(ctx, a.id, 'qualification');
    const saved = new Map<string, readonly object[]>([
      ['deals', await ctx.db.deals.toArray()],
      ['stageHistory', await ctx.db.stageHistory.toArray()],
      ['settings', await ctx.db.settings.toArray()],
    ]);
    ctx.tick(DAY);
    await closeDeal(ctx, { dealId: b.id, status: 'lost' });
    await moveStage(ctx, a.id, 'proposal');
    await createDeal(ctx, { title: 'Made after the backup' });

    await restoreRows(ctx, saved);
    await expectFactsAsTables(ctx);
    expect((await openDealCards(ctx)).map((c) => c.title).sort()).toEqual(['Acme', 'Initech']);
    expect((await metricsFacts(ctx)).history.map((c) => c.to)).toEqual([
      'prospecting',
      'prospecting',
      'qualification',
    ]);

    await restoreRows(ctx, saved);
    await expectFactsAsTables(ctx);

    // A hand-made backup's stage change with no id is numbered as it is written, and counted.
    const unnumbered = { dealId: b.id, from: 'prospecting', to: 'proposal', at: ctx.now() };
    await restoreRows(
      ctx,
      new Map([...saved, ['stageHistory', [...saved.get('stageHistory')!, unnumbered]]]),
    );
    await expectFactsAsTables(ctx);
    expect((await metricsFacts(ctx)).history.at(-1)).toEqual(unnumbered);
  });

  it('follow a deal and its stage change pulled from the team', async () => {
    const ctx = testStore();
    const deal = teamDealValues('Initech rollout', {
      value: 2_000,
      stageId: 'proposal',
      stageChangedAt: 2,
    });
    const change = { dealId: 'd1', from: 'prospecting', to: 'proposal', at: 2 };
    const pulled = (kind: 'deal' | 'stage', key: string, values: object) => ({
      id: `${kind}:${key}`,
      kind,
      key,
      record: stampLocalEdit(kind, null, sharedFields(syncedKind(kind)!, values), {
        at: 1,
        by: 'teammate',
      }) as SyncRecord,
    });
    await applyTeamRecords(ctx, [
      pulled('deal', 'd1', deal),
      pulled('stage', 'd1:2:proposal', change),
    ]);
    await expectFactsAsTables(ctx);
    expect((await metricsFacts(ctx)).history).toEqual([change]);
  });
});
