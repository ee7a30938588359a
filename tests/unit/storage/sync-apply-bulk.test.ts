import { describe, expect, it } from 'vitest';
import { applyTeamRecords, recomputeFigures } from '../../../storage/sync-apply';
import { fromTeammate, teamDealValues } from './team-records';
import { testStore } from './test-store';

// A first pull brings thousands of records in one batch: touches go in all at once and each
// deal's figures are worked out once for the batch.

const deal = (id: string) => fromTeammate('deal', id, teamDealValues(`Deal ${id}`));

const touch = (n: number, dealId: string, direction: 'inbound' | 'outbound', at: number) =>
  fromTeammate('touch', `gmail:msg-f:${n}`, {
    id: `t-${n}`,
    dealId,
    channel: 'email',
    direction,
    at,
    sourceKey: `gmail:msg-f:${n}`,
    note: '',
    createdAt: at,
  });

describe('a first pull of many records', () => {
  it('adds every touch of a batch and works each deal’s figures out from all of them', async () => {
    const ctx = testStore();
    const pulled = [deal('d1'), deal('d2')];
    for (let n = 0; n < 300; n++)
      pulled.push(touch(n, n % 2 ? 'd2' : 'd1', n === 250 ? 'inbound' : 'outbound', 1_000 + n));
    const result = await applyTeamRecords(ctx, pulled);
    expect(result.applied).toBe(302);
    expect(result.touchedDeals.sort()).toEqual(['d1', 'd2']);
    await recomputeFigures(ctx, result.touchedDeals);
    expect(await ctx.db.touches.count()).toBe(300);
    expect(await ctx.db.deals.get('d1')).toMatchObject({
      touchCount: 150,
      lastTouchAt: 1_298,
      lastInboundAt: 1_250,
      // Outbound after the reply at 1,250: 1,252 … 1,298.
      outboundSinceInbound: 24,
      followUpCount: 24,
    });
    expect(await ctx.db.deals.get('d2')).toMatchObject({ touchCount: 150, lastInboundAt: null });
  });

  it('works the same figures out for a few deals as for most of them, each from its own touches', async () => {
    // Most deals (a first pull) are read a chunk at a time, a few deal by deal: both must give
    // each deal its own touches, and none of a neighbour's in the same range of ids.
    const figures = async (recompute: string[]) => {
      const ctx = testStore();
      const pulled = ['d1', 'd2', 'd3', 'd4'].map(deal);
      for (let n = 0; n < 40; n++)
        pulled.push(touch(n, `d${(n % 4) + 1}`, n % 5 === 0 ? 'inbound' : 'outbound', 1_000 + n));
      await applyTeamRecords(ctx, pulled);
      await ctx.db.deals.toCollection().modify({ touchCount: 0, lastTouchAt: null });
      await recomputeFigures(ctx, recompute);
      return Promise.all(['d1', 'd2', 'd3', 'd4'].map((id) => ctx.db.deals.get(id)));
    };
    const fromFew = await figures(['d2']);
    const fromMost = await figures(['d1', 'd2', 'd3', 'd4']);
    expect(fromFew[1]).toMatchObject({ touchCount: 10, lastTouchAt: 1_037 });
    expect(fromFew[0]).toMatchObject({ touchCount: 0, lastTouchAt: null });
    for (const [i, recomputed] of fromMost.entries()) {
      const { updatedAt: _at, ...figuresOf } = recomputed!;
      expect(figuresOf).toMatchObject({ touchCount: 10, lastTouchAt: 1_036 + i });
    }
    // Half the deals, read as one range that holds a deal not asked for: it is left alone.
    const fromHalf = await figures(['d1', 'd3']);
    expect(fromHalf.map((d) => d!.touchCount)).toEqual([10, 0, 10, 0]);
    const { updatedAt: _a, ...few } = fromFew[1]!;
    const { updatedAt: _b, ...most } = fromMost[1]!;
    expect(few).toEqual(most);
  });

  it('adds a message once when it comes twice, in one batch or again in the next', async () => {
    const ctx = testStore();
    const twice = touch(7, 'd1', 'inbound', 5_000);
    const first = await applyTeamRecords(ctx, [deal('d1'), twice, { ...twice }]);
    expect(first.applied).toBe(2);
    // A pull cut short is applied again: nothing is added twice, the figures are redone.
    const again = await applyTeamRecords(ctx, [twice]);
    expect(again).toMatchObject({ applied: 0, touchedDeals: ['d1'] });
    expect(await ctx.db.touches.count()).toBe(1);
  });

  it('sets aside a malformed touch and adds the others of its batch', async () => {
    const ctx = testStore();
    const bad = touch(1, 'd1', 'inbound', 5_000);
    bad.record.fields.direction = { v: 'sideways', at: 1, by: 'teammate' };
    const result = await applyTeamRecords(ctx, [deal('d1'), bad, touch(2, 'd1', 'inbound', 6_000)]);
    expect(result.setAside.map((s) => s.id)).toEqual(['touch:gmail:msg-f:1']);
    expect(await ctx.db.touches.count()).toBe(1);
  });
});
