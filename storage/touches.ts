import { validated } from './errors';
import { recordTouchInput, type RecordTouchInput } from './inputs';
import { touchSchema, type Deal, type Touch } from './schemas';
import type { StoreContext } from './db';
import { mutateDeal } from './deal-record';

export interface RecordTouchResult {
  touch: Touch;
  deal: Deal;
  /** False when the source message had been recorded before: nothing changed. */
  created: boolean;
}

/**
 * Records one touch and updates the deal's touch summary in the same transaction.
 * Idempotent by sourceKey: the same message recorded twice (two tabs, a reopened thread)
 * is counted once. The summary follows domain/follow-ups.ts summarizeTouches().
 */
export async function recordTouch(ctx: StoreContext, input: RecordTouchInput): Promise<RecordTouchResult> {
  const parsed = validated('touch', recordTouchInput, input);
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.touches, async () => {
    if (parsed.sourceKey) {
      const existing = await db.touches.where('sourceKey').equals(parsed.sourceKey).first();
      if (existing) {
        const deal = await db.deals.get(existing.dealId);
        if (deal) return { touch: existing, deal, created: false };
      }
    }
    const touch = validated('touch', touchSchema, {
      ...parsed,
      id: crypto.randomUUID(),
      createdAt: ctx.now(),
    });
    const deal = await mutateDeal(ctx, parsed.dealId, async (current) => {
      await db.touches.add(touch);
      return withTouch(ctx, current, touch);
    });
    return { touch, deal, created: true };
  });
}

async function withTouch(ctx: StoreContext, deal: Deal, touch: Touch): Promise<Deal> {
  const next: Deal = {
    ...deal,
    touchCount: deal.touchCount + 1,
    lastTouchAt: Math.max(deal.lastTouchAt ?? 0, touch.at),
  };
  // Notes are the rep's own: they are movement but not a message either way.
  if (touch.channel === 'note') return next;

  if (deal.lastDirectedTouchAt === null || touch.at >= deal.lastDirectedTouchAt) {
    next.lastDirectedTouchAt = touch.at;
    next.lastTouchDirection = touch.direction;
  }
  const answersLater = deal.lastInboundAt === null || touch.at > deal.lastInboundAt;
  if (touch.direction === 'inbound' && answersLater) {
    next.lastInboundAt = touch.at;
    // A reply resets the run; outbound messages already recorded after it still count.
    next.outboundSinceInbound = await ctx.db.touches
      .where('[dealId+at]')
      .between([deal.id, touch.at], [deal.id, Infinity], true, true)
      .filter((t) => t.direction === 'outbound' && t.channel !== 'note')
      .count();
  } else if (touch.direction === 'outbound' && (deal.lastInboundAt === null || touch.at >= deal.lastInboundAt)) {
    next.outboundSinceInbound = deal.outboundSinceInbound + 1;
  }
  // Before any reply, the first outbound message is the first contact, not a follow-up.
  next.followUpCount =
    next.lastInboundAt === null ? Math.max(0, next.outboundSinceInbound - 1) : next.outboundSinceInbound;
  return next;
}

export function touchesOfDeal(ctx: StoreContext, dealId: string): Promise<Touch[]> {
  return ctx.db.touches.where('[dealId+at]').between([dealId, 0], [dealId, Infinity]).toArray();
}
