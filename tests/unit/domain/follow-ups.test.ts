import { describe, expect, it } from 'vitest';
import { summarizeTouches, whoseTurn } from '../../../domain/follow-ups';
import type { Channel, Direction, TouchFacts } from '../../../domain/types';

const touch = (at: number, direction: Direction, channel: Channel = 'email'): TouchFacts => ({
  at,
  direction,
  channel,
});
const out = (at: number) => touch(at, 'outbound');
const inn = (at: number) => touch(at, 'inbound');

describe('follow-up count', () => {
  it('does not count the first contact', () => {
    expect(summarizeTouches([]).followUpCount).toBe(0);
    expect(summarizeTouches([out(1)]).followUpCount).toBe(0);
  });

  it('counts unanswered follow-ups in a row', () => {
    expect(summarizeTouches([out(1), out(2), out(3)]).followUpCount).toBe(2);
  });

  it('starts over when they reply, and counts what the rep sent since', () => {
    expect(summarizeTouches([out(1), out(2), inn(3)]).followUpCount).toBe(0);
    expect(summarizeTouches([out(1), out(2), inn(3), out(4)]).followUpCount).toBe(1);
    expect(summarizeTouches([inn(1), out(2), out(3)]).followUpCount).toBe(2);
  });

  it('leaves notes out of the count and the turn, but not out of the last touch', () => {
    const summary = summarizeTouches([out(1), inn(2), touch(3, 'outbound', 'note')]);
    expect(summary.followUpCount).toBe(0);
    expect(summary.lastTouchAt).toBe(3);
    expect(summary.lastTouchDirection).toBe('inbound');
  });

  it('counts calls and LinkedIn messages like emails', () => {
    expect(
      summarizeTouches([out(1), touch(2, 'outbound', 'call'), touch(3, 'outbound', 'linkedin')])
        .followUpCount,
    ).toBe(2);
  });

  it('reads touches in time order whatever order they come in', () => {
    const summary = summarizeTouches([out(30), inn(10), out(20), out(40)]);
    expect(summary).toEqual({
      touchCount: 4,
      lastTouchAt: 40,
      lastTouchDirection: 'outbound',
      lastInboundAt: 10,
      followUpCount: 3,
    });
  });

  it('counts an outbound message at the same moment as a reply as after it', () => {
    expect(summarizeTouches([out(5), inn(5)]).followUpCount).toBe(1);
  });
});

describe('whose turn', () => {
  it('is the rep’s after their message or before any, theirs after the rep wrote', () => {
    expect(whoseTurn(summarizeTouches([]))).toBe('rep');
    expect(whoseTurn(summarizeTouches([out(1), inn(2)]))).toBe('rep');
    expect(whoseTurn(summarizeTouches([inn(1), out(2)]))).toBe('them');
    expect(whoseTurn(summarizeTouches([inn(1), touch(2, 'outbound', 'note')]))).toBe('rep');
  });
});
