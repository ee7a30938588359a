import { describe, expect, it } from 'vitest';
import { summarizeTouches } from '../../../domain/follow-ups';
import type { Channel, Direction } from '../../../domain/types';
import { createDeal } from '../../../storage/deals';
import { recordTouches } from '../../../storage/record-touches';
import { cancelPendingTouch, recordTouch, touchesOfDeal } from '../../../storage/touches';
import { DAY, HOUR, testStore } from './test-store';

describe('recordTouch', () => {
  it('counts the same message once, however often it is recorded', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    const message = {
      dealId: deal.id,
      channel: 'email' as const,
      direction: 'outbound' as const,
      at: ctx.now() - HOUR,
      sourceKey: 'gmail:msg-f:1790000000000000042',
    };
    const first = await recordTouch(ctx, message);
    const again = await recordTouch(ctx, message);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.touch.id).toBe(first.touch.id);
    expect(await ctx.db.touches.count()).toBe(1);
    expect(again.deal.touchCount).toBe(1);
  });

  it('shows follow-ups, last touch and movement as the rep would count them', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    const t0 = ctx.now();
    const send = (at: number, direction: Direction = 'outbound') =>
      recordTouch(ctx, { dealId: deal.id, channel: 'email', direction, at });
    let result = await send(t0 + HOUR); // first contact
    expect(result.deal.followUpCount).toBe(0);
    await send(t0 + 3 * DAY);
    result = await send(t0 + 6 * DAY);
    expect(result.deal.followUpCount).toBe(2);
    expect(result.deal.lastTouchAt).toBe(t0 + 6 * DAY);
    expect(result.deal.lastMovementAt).toBe(t0 + 6 * DAY);
    result = await send(t0 + 7 * DAY, 'inbound'); // they answer
    expect(result.deal.followUpCount).toBe(0);
    expect(result.deal.lastTouchDirection).toBe('inbound');
    result = await recordTouch(ctx, {
      dealId: deal.id,
      channel: 'note',
      direction: 'outbound',
      at: t0 + 8 * DAY,
    });
    expect(result.deal.followUpCount).toBe(0);
    expect(result.deal.lastTouchAt).toBe(t0 + 8 * DAY);
    expect(result.deal.lastTouchDirection).toBe('inbound');
  });

  it('keeps the summary equal to the pure rule when messages arrive out of order', async () => {
    const ctx = testStore();
    const channels: Channel[] = ['email', 'linkedin', 'call', 'meeting', 'note'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 25; round++) {
      const deal = await createDeal(ctx, { title: `Deal ${round}` });
      let last = deal;
      for (let i = 0; i < 12; i++) {
        const result = await recordTouch(ctx, {
          dealId: deal.id,
          channel: channels[Math.floor(random() * channels.length)]!,
          direction: random() < 0.35 ? 'inbound' : 'outbound',
          at: ctx.now() + Math.floor(random() * 20) * HOUR,
        });
        last = result.deal;
      }
      const expected = summarizeTouches(await touchesOfDeal(ctx, deal.id));
      expect({
        touchCount: last.touchCount,
        lastTouchAt: last.lastTouchAt,
        lastInboundAt: last.lastInboundAt,
        followUpCount: last.followUpCount,
      }).toEqual({
        touchCount: expected.touchCount,
        lastTouchAt: expected.lastTouchAt,
        lastInboundAt: expected.lastInboundAt,
        followUpCount: expected.followUpCount,
      });
    }
  });

  it('refuses a touch for a deal that does not exist and records nothing', async () => {
    const ctx = testStore();
    await expect(
      recordTouch(ctx, { dealId: 'nope', channel: 'email', direction: 'inbound', at: 1 }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      recordTouch(ctx, { dealId: 'nope', channel: 'fax' as never, direction: 'inbound', at: 1 }),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('touch.channel') });
    expect(await ctx.db.touches.count()).toBe(0);
  });

  it('counts a sent message once: when sent, and again when it shows with its id', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    const base = { dealId: deal.id, channel: 'email' as const };
    await recordTouch(ctx, {
      ...base,
      direction: 'outbound',
      at: ctx.now() - 2 * DAY,
      sourceKey: 'gmail:a:msg-f:1',
    });
    const sent = await recordTouch(ctx, {
      ...base,
      direction: 'outbound',
      at: ctx.now(),
      sourceKey: 'gmail:a:draft:r-77',
      pending: true,
    });
    expect(sent.deal.followUpCount).toBe(1);
    // The thread now shows the message, stamped to the minute.
    const shown = await recordTouches(ctx, [
      { ...base, direction: 'outbound', at: ctx.now() - 2 * DAY, sourceKey: 'gmail:a:msg-f:1' },
      { ...base, direction: 'outbound', at: ctx.now() - 40_000, sourceKey: 'gmail:a:msg-f:2' },
    ]);
    expect(shown.created).toBe(0);
    expect(shown.deal?.followUpCount).toBe(1);
    const touches = await touchesOfDeal(ctx, deal.id);
    expect(touches.map((t) => [t.sourceKey, t.pending])).toEqual([
      ['gmail:a:msg-f:1', undefined],
      ['gmail:a:msg-f:2', undefined],
    ]);
    expect(shown.deal?.lastTouchAt).toBe(ctx.now() - 40_000);
  });

  it('never lets an older message of the conversation take over a send just made', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    const base = { dealId: deal.id, channel: 'linkedin' as const, direction: 'outbound' as const };
    await recordTouch(ctx, {
      ...base,
      at: ctx.now(),
      sourceKey: 'linkedin:pending:1',
      pending: true,
    });
    // A chat bubble shows a message the rep sent nine minutes earlier: a touch of its own.
    const older = await recordTouch(ctx, {
      ...base,
      at: ctx.now() - 9 * 60_000,
      sourceKey: 'linkedin:urn:older',
    });
    expect(older.created).toBe(true);
    // The send itself shows a minute later, stamped to the minute before the click.
    const shown = await recordTouch(ctx, {
      ...base,
      at: ctx.now() - 30_000,
      sourceKey: 'linkedin:urn:sent',
    });
    expect(shown.created).toBe(false);
    const touches = await touchesOfDeal(ctx, deal.id);
    expect(touches.map((t) => t.sourceKey).sort()).toEqual([
      'linkedin:urn:older',
      'linkedin:urn:sent',
    ]);
  });

  it('forgets a send the rep undid, and refuses to forget a delivered one', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    const base = { dealId: deal.id, channel: 'email' as const, direction: 'outbound' as const };
    await recordTouch(ctx, { ...base, at: ctx.now() - DAY, sourceKey: 'gmail:a:msg-f:1' });
    await recordTouch(ctx, {
      ...base,
      at: ctx.now(),
      sourceKey: 'gmail:a:draft:r-1',
      pending: true,
    });
    const after = await cancelPendingTouch(ctx, 'gmail:a:draft:r-1');
    expect(after).toMatchObject({ touchCount: 1, followUpCount: 0, lastTouchAt: ctx.now() - DAY });
    await expect(cancelPendingTouch(ctx, 'gmail:a:msg-f:1')).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await cancelPendingTouch(ctx, 'gmail:a:draft:nope')).toBeNull();
    expect(await ctx.db.touches.count()).toBe(1);
  });
});
