import { touchFigures } from '../domain/touch-figures';
import { StorageError, validated } from './errors';
import { recordTouchInput, type RecordTouchInput } from './inputs';
import { touchSchema, type Deal, type Touch } from './schemas';
import type { StoreContext } from './db';
import { mutateDeal, requireDeal } from './deal-record';
import { keepPromisesBy, reopenPromisesOf } from './objections';
import { rowsOfDeal } from './by-deal';

export interface RecordTouchResult {
  touch: Touch;
  deal: Deal;
  /** False when the source message had been recorded before: nothing changed. */
  created: boolean;
}

/**
 * A sent message shows with its time cut to the minute, at or after the click on Send (Gmail's
 * undo delay, a slow connection): so the click was at most a minute after the shown time, or
 * up to ten minutes before it. An older message is never the send just made.
 */
const PENDING_SHOWN_BEFORE_CLICK_MS = 60_000;
const PENDING_SHOWN_AFTER_CLICK_MS = 10 * 60_000;

/**
 * Records one touch and updates the deal's touch summary in the same transaction.
 * Idempotent by sourceKey: the same message recorded twice (two tabs, a reopened thread)
 * is counted once. An outbound message that matches a pending send takes that touch over.
 * The summary follows domain/follow-ups.ts summarizeTouches(). A message to the prospect
 * keeps the answers promised before it (storage/objections.ts).
 */
export async function recordTouch(
  ctx: StoreContext,
  input: RecordTouchInput,
): Promise<RecordTouchResult> {
  const parsed = validated('touch', recordTouchInput, input);
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.touches, db.objections, async () => {
    if (parsed.sourceKey) {
      // One key (the usual case) is a single indexed get; anyOf() walks a cursor.
      const existing = parsed.aliases?.length
        ? await db.touches
            .where('sourceKey')
            .anyOf([parsed.sourceKey, ...parsed.aliases])
            .first()
        : await db.touches.get({ sourceKey: parsed.sourceKey });
      if (existing) {
        const deal = await db.deals.get(existing.dealId);
        if (deal) return { touch: existing, deal, created: false };
      }
      const former =
        parsed.formerKeyPrefix && (await formerRecord(ctx, parsed, parsed.formerKeyPrefix));
      if (former) {
        // Re-keyed, so that the next message of that minute does not take it as well.
        const touch = validated('touch', touchSchema, { ...former, sourceKey: parsed.sourceKey });
        await db.touches.put(touch);
        return { touch, deal: await requireDeal(ctx, parsed.dealId), created: false };
      }
      if (!parsed.pending && parsed.direction === 'outbound') {
        const pending = await matchingPendingSend(ctx, parsed.dealId, parsed.channel, parsed.at);
        if (pending) {
          const touch = validated('touch', touchSchema, {
            ...pending,
            sourceKey: parsed.sourceKey,
            at: parsed.at,
            pending: undefined,
          });
          await db.touches.put(touch);
          return { touch, deal: await resummarize(ctx, parsed.dealId), created: false };
        }
      }
    }
    const touch = validated('touch', touchSchema, {
      ...parsed,
      id: crypto.randomUUID(),
      createdAt: ctx.now(),
    });
    const deal = await mutateDeal(
      ctx,
      parsed.dealId,
      async (current) => {
        await db.touches.add(touch);
        return keepPromisesBy(ctx, await withTouch(ctx, current, touch), touch);
      },
      [db.objections],
    );
    return { touch, deal, created: true };
  });
}

/** Removes a pending send the rep undid. Refuses to remove a touch that is not pending. */
export async function cancelPendingTouch(
  ctx: StoreContext,
  sourceKey: string,
): Promise<Deal | null> {
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.touches, db.objections, async () => {
    const touch = await db.touches.where('sourceKey').equals(sourceKey).first();
    if (!touch) return null;
    if (!touch.pending)
      throw new StorageError('conflict', 'This message was already delivered and counted', {
        field: 'sourceKey',
      });
    await db.touches.delete(touch.id);
    await reopenPromisesOf(ctx, touch);
    return resummarize(ctx, touch.dealId);
  });
}

const MINUTE = 60_000;

/** The stretch of `at` where a former record of a message may lie: the minute it was shown in. */
function minuteOf(at: number): { from: number; to: number } {
  const from = Math.floor(at / MINUTE) * MINUTE;
  return { from, to: from + MINUTE };
}

/** Whether `touch` is this message recorded before under its id alone (`prefix`…). */
export function isFormerRecord(
  touch: Touch,
  input: { channel: Touch['channel']; direction: Touch['direction']; at: number },
  prefix: string,
): boolean {
  const minute = minuteOf(input.at);
  return (
    touch.at >= minute.from &&
    touch.at < minute.to &&
    touch.channel === input.channel &&
    touch.direction === input.direction &&
    touch.sourceKey?.startsWith(prefix) === true
  );
}

/** The stretch of `at` where the pending send a shown message may be lies. */
function pendingWindow(at: number): { from: number; to: number } {
  return { from: at - PENDING_SHOWN_AFTER_CLICK_MS, to: at + PENDING_SHOWN_BEFORE_CLICK_MS };
}

/**
 * The pending send a message shown at `at` is, among `touches` (in [dealId+at] order): the
 * nearest in time, the earlier on a tie.
 */
export function nearestPendingSend(
  touches: readonly Touch[],
  channel: Touch['channel'],
  at: number,
): Touch | undefined {
  const span = pendingWindow(at);
  return touches
    .filter(
      (t) =>
        t.pending === true &&
        t.channel === channel &&
        t.direction === 'outbound' &&
        t.at >= span.from &&
        t.at <= span.to,
    )
    .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
}

/** A touch recorded before under the message's id alone, in the same direction and minute. */
async function formerRecord(
  ctx: StoreContext,
  input: { dealId: string; channel: Touch['channel']; direction: Touch['direction']; at: number },
  prefix: string,
): Promise<Touch | undefined> {
  const minute = minuteOf(input.at);
  return ctx.db.touches
    .where('[dealId+at]')
    .between([input.dealId, minute.from], [input.dealId, minute.to], true, false)
    .filter((t) => isFormerRecord(t, input, prefix))
    .first();
}

async function matchingPendingSend(
  ctx: StoreContext,
  dealId: string,
  channel: Touch['channel'],
  at: number,
): Promise<Touch | undefined> {
  const span = pendingWindow(at);
  const nearby = await ctx.db.touches
    .where('[dealId+at]')
    .between([dealId, span.from], [dealId, span.to], true, true)
    .toArray();
  return nearestPendingSend(nearby, channel, at);
}

/**
 * Recomputes a deal's touch summary from all its touches: for the rare edits that remove or
 * move one, and after touches arrive from the team (the summary itself never syncs).
 */
export async function resummarize(ctx: StoreContext, dealId: string): Promise<Deal> {
  return mutateDeal(ctx, dealId, async (deal) => {
    return { ...deal, ...touchFigures(await touchesOfDeal(ctx, dealId)) };
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
  } else if (
    touch.direction === 'outbound' &&
    (deal.lastInboundAt === null || touch.at >= deal.lastInboundAt)
  ) {
    next.outboundSinceInbound = deal.outboundSinceInbound + 1;
  }
  // Before any reply, the first outbound message is the first contact, not a follow-up.
  next.followUpCount =
    next.lastInboundAt === null
      ? Math.max(0, next.outboundSinceInbound - 1)
      : next.outboundSinceInbound;
  return next;
}

export function touchesOfDeal(ctx: StoreContext, dealId: string): Promise<Touch[]> {
  return rowsOfDeal(ctx.db.touches, dealId).toArray();
}
