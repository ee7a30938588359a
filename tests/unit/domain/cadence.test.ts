import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  addCadenceDays,
  cadenceOf,
  DEFAULT_CADENCE,
  lastMovementAt,
  latestMovementReaching,
} from '../../../domain/cadence';
import type { DealCadenceFacts } from '../../../domain/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso).getTime();

function deal(movedAt: number, extra: Partial<DealCadenceFacts> = {}): DealCadenceFacts {
  return {
    status: 'open',
    createdAt: movedAt - 10 * DAY,
    stageChangedAt: movedAt - 5 * DAY,
    lastTouchAt: movedAt,
    snoozedUntil: null,
    ...extra,
  };
}

describe('last movement', () => {
  it('is the latest of last touch, stage change and creation', () => {
    expect(lastMovementAt({ createdAt: 1, stageChangedAt: 5, lastTouchAt: 3 })).toBe(5);
    expect(lastMovementAt({ createdAt: 1, stageChangedAt: 1, lastTouchAt: null })).toBe(1);
    expect(lastMovementAt({ createdAt: 1, stageChangedAt: 2, lastTouchAt: 9 })).toBe(9);
  });

  it('counts creation only for a deal with no touches: a deal made from an old thread has not moved since its last message', () => {
    const created = at('2026-11-25T10:00:00Z');
    const lastSent = at('2026-11-06T09:00:00Z');
    // Created today, in its first stage, from a thread whose last message went out 19 days ago.
    expect(
      lastMovementAt({ createdAt: created, stageChangedAt: created, lastTouchAt: lastSent }),
    ).toBe(lastSent);
    const state = cadenceOf(
      {
        status: 'open',
        createdAt: created,
        stageChangedAt: created,
        lastTouchAt: lastSent,
        snoozedUntil: null,
      },
      DEFAULT_CADENCE,
      created + 60_000,
    );
    expect(state.state).toBe('overdue');
    expect(state.daysSinceMovement).toBe(19);
    // A stage change after creation is movement again.
    expect(
      lastMovementAt({ createdAt: created, stageChangedAt: created + 5, lastTouchAt: lastSent }),
    ).toBe(created + 5);
  });
});

describe('cadence', () => {
  const moved = at('2026-11-02T09:00:00Z'); // a Monday
  const utc = { timeZone: 'UTC' };

  it('is on track until exactly three days after the last movement, then due, then overdue at five', () => {
    const state = (now: number) => cadenceOf(deal(moved), DEFAULT_CADENCE, now, utc).state;
    expect(state(moved + 3 * DAY - 1)).toBe('on-track');
    expect(state(moved + 3 * DAY)).toBe('due');
    expect(state(moved + 5 * DAY - 1)).toBe('due');
    expect(state(moved + 5 * DAY)).toBe('overdue');
    expect(
      cadenceOf(deal(moved), DEFAULT_CADENCE, moved + 4 * DAY + HOUR, utc).daysSinceMovement,
    ).toBe(4);
  });

  it('counts any movement: a stage change resets the clock like a touch does', () => {
    const stale = deal(moved, { stageChangedAt: moved + 2 * DAY });
    expect(cadenceOf(stale, DEFAULT_CADENCE, moved + 4 * DAY, utc).state).toBe('on-track');
    expect(cadenceOf(stale, DEFAULT_CADENCE, moved + 5 * DAY, utc).state).toBe('due');
  });

  it('skips the weekend with business days: a Friday movement is due on Wednesday', () => {
    const friday = at('2026-11-06T15:00:00Z');
    const settings = { ...DEFAULT_CADENCE, businessDays: true };
    const c = cadenceOf(deal(friday), settings, friday, utc);
    expect(new Date(c.dueAt).toISOString()).toBe('2026-11-11T15:00:00.000Z');
    expect(new Date(c.overdueAt).toISOString()).toBe('2026-11-13T15:00:00.000Z');
    // Monday evening: three calendar days, but only one business day.
    expect(cadenceOf(deal(friday), settings, at('2026-11-09T20:00:00Z'), utc).state).toBe(
      'on-track',
    );
    expect(cadenceOf(deal(friday), DEFAULT_CADENCE, at('2026-11-09T20:00:00Z'), utc).state).toBe(
      'due',
    );
  });

  it('starts the business-day clock on Monday morning after weekend movement', () => {
    const saturday = at('2026-11-07T10:00:00Z');
    const c = cadenceOf(deal(saturday), { ...DEFAULT_CADENCE, businessDays: true }, saturday, utc);
    expect(new Date(c.dueAt).toISOString()).toBe('2026-11-12T00:00:00.000Z');
    // Later movement is never due earlier: Friday night is due before Saturday morning.
    const fridayNight = addCadenceDays(at('2026-11-06T23:00:00Z'), 3, true, 'UTC');
    expect(fridayNight).toBeLessThan(c.dueAt);
  });

  it('finds from an index boundary exactly the deals the rule calls due', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const businessDays of [false, true]) {
      for (const timeZone of ['UTC', 'Europe/Helsinki', 'America/Los_Angeles']) {
        const settings = { ...DEFAULT_CADENCE, businessDays };
        const now = at('2026-03-31T12:00:00Z') + Math.floor(random() * 14 * DAY);
        const boundary = latestMovementReaching(3, businessDays, now, timeZone);
        for (let i = 0; i < 200; i++) {
          const movement = now - Math.floor(random() * 12 * DAY);
          const due = cadenceOf(deal(movement), settings, now, { timeZone }).state !== 'on-track';
          expect(
            movement <= boundary,
            `${timeZone} ${businessDays} ${new Date(movement).toISOString()}`,
          ).toBe(due);
        }
        expect(addCadenceDays(boundary, 3, businessDays, timeZone)).toBeLessThanOrEqual(now);
        expect(addCadenceDays(boundary + 1, 3, businessDays, timeZone)).toBeGreaterThan(now);
      }
    }
  });

  it('runs across a month end', () => {
    const c = cadenceOf(deal(at('2026-11-29T10:00:00Z')), DEFAULT_CADENCE, 0, utc);
    expect(new Date(c.dueAt).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    const feb = cadenceOf(
      deal(at('2026-02-27T10:00:00Z')),
      { ...DEFAULT_CADENCE, businessDays: true },
      0,
      utc,
    );
    // Friday 27 February + 3 business days = Wednesday 4 March.
    expect(new Date(feb.dueAt).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Helsinki moves from +02:00 to +03:00 on Sunday 29 March 2026 at 03:00.
    const friday = new TZDate(2026, 2, 27, 9, 0, 0, 'Europe/Helsinki').getTime();
    const c = cadenceOf(deal(friday), DEFAULT_CADENCE, friday, { timeZone: 'Europe/Helsinki' });
    expect(new TZDate(c.dueAt, 'Europe/Helsinki').toString()).toMatch(
      /^Mon Mar 30 2026 09:00:00 GMT\+0300/,
    );
    expect(c.dueAt - friday).toBe(3 * DAY - HOUR);
    // New York leaves daylight saving on Sunday 1 November 2026.
    const ny = new TZDate(2026, 9, 30, 17, 30, 0, 'America/New_York').getTime();
    const fall = cadenceOf(deal(ny), DEFAULT_CADENCE, ny, { timeZone: 'America/New_York' });
    expect(new TZDate(fall.dueAt, 'America/New_York').getHours()).toBe(17);
    expect(fall.dueAt - ny).toBe(3 * DAY + HOUR);
    // The index boundary finds the same moment across the change.
    expect(latestMovementReaching(3, false, c.dueAt, 'Europe/Helsinki')).toBe(friday);
    expect(latestMovementReaching(3, false, fall.dueAt, 'America/New_York')).toBe(ny);
  });

  it('counts business days in the rep’s own time zone, not UTC', () => {
    // Friday 23:30 in Los Angeles is already Saturday in UTC.
    const friday = new TZDate(2026, 10, 6, 23, 30, 0, 'America/Los_Angeles').getTime();
    const settings = { ...DEFAULT_CADENCE, businessDays: true };
    const local = cadenceOf(deal(friday), settings, friday, { timeZone: 'America/Los_Angeles' });
    expect(new TZDate(local.dueAt, 'America/Los_Angeles').toString()).toMatch(
      /^Wed Nov 11 2026 23:30/,
    );
    const asUtc = cadenceOf(deal(friday), settings, friday, utc);
    expect(asUtc.dueAt).not.toBe(local.dueAt);
    // Auckland: Monday morning there is Sunday in UTC.
    const monday = new TZDate(2026, 10, 9, 8, 0, 0, 'Pacific/Auckland').getTime();
    expect(
      new TZDate(addCadenceDays(monday, 3, true, 'Pacific/Auckland'), 'Pacific/Auckland').getDay(),
    ).toBe(4);
  });

  it('holds a snoozed deal until its date, then judges it as usual', () => {
    const snoozed = deal(moved, { snoozedUntil: moved + 6 * DAY });
    expect(cadenceOf(snoozed, DEFAULT_CADENCE, moved + 5 * DAY, utc).state).toBe('snoozed');
    expect(cadenceOf(snoozed, DEFAULT_CADENCE, moved + 6 * DAY, utc).state).toBe('overdue');
  });

  it('never nags about a closed deal', () => {
    for (const status of ['won', 'lost', 'disqualified'] as const) {
      expect(cadenceOf(deal(moved, { status }), DEFAULT_CADENCE, moved + 30 * DAY, utc).state).toBe(
        'closed',
      );
    }
  });

  it('honours other cadence settings', () => {
    const slow = { dueAfterDays: 7, overdueAfterDays: 14, businessDays: false };
    expect(cadenceOf(deal(moved), slow, moved + 6 * DAY, utc).state).toBe('on-track');
    expect(cadenceOf(deal(moved), slow, moved + 7 * DAY, utc).state).toBe('due');
    expect(cadenceOf(deal(moved), slow, moved + 14 * DAY, utc).state).toBe('overdue');
  });
});
