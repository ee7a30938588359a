import { summarizeTouches } from './follow-ups';
import type { Direction, TouchFacts } from './types';

/** The figures a deal keeps about its touches (never synced: each browser works them out). */
export interface TouchFigures {
  touchCount: number;
  lastTouchAt: number | null;
  lastTouchDirection: Direction | null;
  lastDirectedTouchAt: number | null;
  lastInboundAt: number | null;
  outboundSinceInbound: number;
  followUpCount: number;
}

/** A deal's touch figures worked out from all its touches. */
export function touchFigures(touches: readonly TouchFacts[]): TouchFigures {
  const summary = summarizeTouches(touches);
  const directed = touches.filter((t) => t.channel !== 'note');
  const lastInbound = summary.lastInboundAt;
  return {
    touchCount: summary.touchCount,
    lastTouchAt: summary.lastTouchAt,
    lastTouchDirection: summary.lastTouchDirection,
    lastDirectedTouchAt: directed.reduce<number | null>(
      (max, t) => Math.max(max ?? t.at, t.at),
      null,
    ),
    lastInboundAt: lastInbound,
    outboundSinceInbound: directed.filter(
      (t) => t.direction === 'outbound' && (lastInbound === null || t.at >= lastInbound),
    ).length,
    followUpCount: summary.followUpCount,
  };
}
