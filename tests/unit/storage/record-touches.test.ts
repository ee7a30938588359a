import { describe, expect, it } from 'vitest';
import { createDeal } from '../../../storage/deals';
import type { RecordTouchInput } from '../../../storage/inputs';
import { logObjection, objectionsOfDeal } from '../../../storage/objections';
import { recordTouches } from '../../../storage/record-touches';
import { recordTouch, touchesOfDeal } from '../../../storage/touches';
import { DAY, HOUR, testStore } from './test-store';

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;

/** A small deterministic random source (mulberry32), so a failing seed can be run again. */
function randomFrom(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
}

/** A store with one deal, what came before the page (touches, a promised answer), and the deal. */
async function pipelineBefore(seed: number) {
  const ctx = testStore();
  const deal = await createDeal(ctx, { title: 'Acme' });
  const random = randomFrom(seed);
  const base = { dealId: deal.id, channel: 'email' as const };
  const start = ctx.now() - 5 * DAY;
  // Messages recorded under their id alone (an older version's keys) and sends still pending.
  for (let i = 0; i < 3; i++)
    await recordTouch(ctx, {
      ...base,
      direction: random(2) ? 'outbound' : 'inbound',
      // Never the very millisecond of another message: on a tie the order recorded decides
      // the last direction one by one, and the pure rule decides it for the batch.
      at: start + random(4) * HOUR + random(3) * 10_000 + 7 + i,
      sourceKey: `gmail:a:msg-f:${i}`,
    });
  await recordTouch(ctx, {
    ...base,
    direction: 'outbound',
    at: start + random(4) * HOUR + HALF_HOUR + 20,
    sourceKey: `gmail:a:draft:${seed}`,
    pending: true,
  });
  if (random(2)) {
    // Heard while the page's messages were being written: the later ones keep the promise.
    const now = ctx.now();
    ctx.clock.now = start + random(4) * HOUR;
    await logObjection(ctx, {
      dealId: deal.id,
      kind: 'price',
      words: 'Too dear',
      answerDueAt: ctx.now() + DAY,
    });
    ctx.clock.now = now;
  }
  return { ctx, deal, random, start };
}

/** What a page shows: messages new and known, repeated, by alias, in any order. */
function pageMessages(
  random: (n: number) => number,
  dealId: string,
  start: number,
): RecordTouchInput[] {
  return Array.from({ length: 2 + random(7) }, () => {
    const n = random(6);
    const at = start + random(4) * HOUR + random(2) * HALF_HOUR + random(3) * 10_000;
    return {
      dealId,
      channel: random(5) === 0 ? ('note' as const) : ('email' as const),
      direction: random(2) ? ('outbound' as const) : ('inbound' as const),
      at: Math.floor(at / MINUTE) * MINUTE + n,
      sourceKey: `gmail:a:thread-f:1:m${n}`,
      ...(random(2) ? { aliases: [`gmail:a:msg-f:${random(4)}`] } : {}),
      formerKeyPrefix: 'gmail:a:msg-',
    };
  });
}

async function outcome(ctx: ReturnType<typeof testStore>, dealId: string) {
  const deal = (await ctx.db.deals.get(dealId))!;
  const touches = await touchesOfDeal(ctx, dealId);
  const objections = await objectionsOfDeal(ctx, dealId);
  return {
    figures: {
      touchCount: deal.touchCount,
      lastTouchAt: deal.lastTouchAt,
      lastTouchDirection: deal.lastTouchDirection,
      lastDirectedTouchAt: deal.lastDirectedTouchAt,
      lastInboundAt: deal.lastInboundAt,
      outboundSinceInbound: deal.outboundSinceInbound,
      followUpCount: deal.followUpCount,
      answerDueAt: deal.answerDueAt,
    },
    touches: touches
      .map((t) => `${t.sourceKey} ${t.direction} ${t.channel} ${t.at} ${t.pending ?? ''}`)
      .sort(),
    promisesKept: objections.map((o) => o.promiseClosedAt !== null),
  };
}

describe('recordTouches', () => {
  it('leaves the pipeline as recording each message in turn would, in one write', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const one = await pipelineBefore(seed);
      const all = await pipelineBefore(seed);
      const inputs = pageMessages(one.random, one.deal.id, one.start);

      let createdOneByOne = 0;
      for (const input of inputs)
        if ((await recordTouch(one.ctx, input)).created) createdOneByOne++;
      const batch = await recordTouches(
        all.ctx,
        inputs.map((input) => ({ ...input, dealId: all.deal.id })),
      );

      const expected = await outcome(one.ctx, one.deal.id);
      expect(await outcome(all.ctx, all.deal.id), `seed ${seed}`).toEqual(expected);
      expect(batch.created, `seed ${seed}`).toBe(createdOneByOne);
      // The deal as the page left it, when the page changed anything.
      if (createdOneByOne > 0) expect(batch.deal, `seed ${seed}`).not.toBeNull();
      if (batch.deal)
        expect(batch.deal.followUpCount, `seed ${seed}`).toBe(expected.figures.followUpCount);
    }
  });

  it('refuses messages for a deal that does not exist and writes none of the page', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    const message = {
      channel: 'email' as const,
      direction: 'inbound' as const,
      at: ctx.now() - HOUR,
    };
    await expect(
      recordTouches(ctx, [
        { ...message, dealId: deal.id, sourceKey: 'gmail:a:1' },
        { ...message, dealId: crypto.randomUUID(), sourceKey: 'gmail:a:2' },
      ]),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await ctx.db.touches.count()).toBe(0);
    expect((await ctx.db.deals.get(deal.id))?.touchCount).toBe(0);
  });
});
