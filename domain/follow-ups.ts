import type { Direction, TouchFacts } from './types';

export interface TouchSummary {
  touchCount: number;
  lastTouchAt: number | null;
  /** Direction of the latest message either way; notes have none. */
  lastTouchDirection: Direction | null;
  lastInboundAt: number | null;
  /** Unanswered follow-ups in a row. */
  followUpCount: number;
}

/**
 * What a deal's touches add up to. Notes are the rep's own: they count as the last touch but
 * have no direction. The follow-up count is the run of outbound messages after the last
 * inbound one; before any reply, the first outbound message is the first contact, not a
 * follow-up. An outbound message at the same moment as the last reply counts as after it.
 */
export function summarizeTouches(touches: readonly TouchFacts[]): TouchSummary {
  // At the same moment, the reply goes first: an outbound message then counts as after it.
  const sorted = [...touches].sort(
    (a, b) => a.at - b.at || (a.direction === b.direction ? 0 : a.direction === 'inbound' ? -1 : 1),
  );
  let lastTouchAt: number | null = null;
  let lastTouchDirection: Direction | null = null;
  let lastInboundAt: number | null = null;
  let outboundSinceInbound = 0;
  for (const touch of sorted) {
    lastTouchAt = touch.at;
    if (touch.channel === 'note') continue;
    lastTouchDirection = touch.direction;
    if (touch.direction === 'inbound') {
      lastInboundAt = touch.at;
      outboundSinceInbound = 0;
    } else {
      outboundSinceInbound += 1;
    }
  }
  return {
    touchCount: touches.length,
    lastTouchAt,
    lastTouchDirection,
    lastInboundAt,
    followUpCount:
      lastInboundAt === null ? Math.max(0, outboundSinceInbound - 1) : outboundSinceInbound,
  };
}

export type Turn = 'rep' | 'them';

/** The rep owes a reply (or a first contact) unless the latest message was theirs. */
export function whoseTurn(summary: Pick<TouchSummary, 'lastTouchDirection'>): Turn {
  return summary.lastTouchDirection === 'outbound' ? 'them' : 'rep';
}
