import { addBusinessDays, addDays, isWeekend, nextMonday, startOfDay } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { CadenceSettings, DealCadenceFacts } from './types';

export const DEFAULT_CADENCE: CadenceSettings = {
  dueAfterDays: 3,
  overdueAfterDays: 5,
  businessDays: false,
};

export type CadenceState = 'closed' | 'snoozed' | 'on-track' | 'due' | 'overdue';

export interface Cadence {
  state: CadenceState;
  lastMovementAt: number;
  dueAt: number;
  overdueAt: number;
  snoozedUntil: number | null;
  /** Whole days since the last movement. */
  daysSinceMovement: number;
}

const DAY = 86_400_000;

/**
 * The latest of the last touch and the last stage change. Creation counts as movement only
 * for a deal with no touches: a deal made today from a thread whose last message went out
 * 19 days ago has not moved for 19 days. The stage a deal is created in is no stage change.
 */
export function lastMovementAt(
  deal: Pick<DealCadenceFacts, 'createdAt' | 'stageChangedAt' | 'lastTouchAt'>,
): number {
  const stageMoved = deal.stageChangedAt > deal.createdAt ? deal.stageChangedAt : -Infinity;
  return Math.max(deal.lastTouchAt ?? deal.createdAt, stageMoved);
}

/**
 * `days` later by the calendar of a time zone (the runtime's own unless given): the same
 * wall-clock time on a later day, so a daylight-saving change does not shift it by an hour.
 * With business days, Saturdays and Sundays do not count: movement over a weekend starts
 * the clock on Monday morning, so a later movement is never due earlier.
 */
export function addCadenceDays(
  from: number,
  days: number,
  businessDays: boolean,
  timeZone?: string,
): number {
  const options = timeZone ? { in: tz(timeZone) } : undefined;
  if (!businessDays) return addDays(from, days, options).getTime();
  const start = isWeekend(from, options) ? startOfDay(nextMonday(from, options), options) : from;
  return addBusinessDays(start, days, options).getTime();
}

/**
 * When a promised answer makes a deal overdue: as long after its day as overdue comes after
 * due for a deal that has not moved (2 days by default).
 */
export function answerOverdueAt(
  answerDueAt: number,
  settings: CadenceSettings,
  timeZone?: string,
): number {
  const gap = settings.overdueAfterDays - settings.dueAfterDays;
  return addCadenceDays(answerDueAt, gap, settings.businessDays, timeZone);
}

/**
 * Where a deal stands: due `dueAfterDays` after its last movement, overdue after
 * `overdueAfterDays`; an answer the rep promised makes it due on the promised day, whatever
 * has moved since. A snooze holds until its date; closed deals never nag.
 */
export function cadenceOf(
  deal: DealCadenceFacts,
  settings: CadenceSettings,
  now: number,
  opts: { timeZone?: string } = {},
): Cadence {
  const movement = lastMovementAt(deal);
  const promised = deal.answerDueAt ?? null;
  const dueAt = Math.min(
    addCadenceDays(movement, settings.dueAfterDays, settings.businessDays, opts.timeZone),
    promised ?? Infinity,
  );
  const overdueAt = Math.min(
    addCadenceDays(movement, settings.overdueAfterDays, settings.businessDays, opts.timeZone),
    promised === null ? Infinity : answerOverdueAt(promised, settings, opts.timeZone),
  );
  const base = {
    lastMovementAt: movement,
    dueAt,
    overdueAt,
    snoozedUntil: deal.snoozedUntil,
    daysSinceMovement: Math.max(0, Math.floor((now - movement) / DAY)),
  };
  let state: CadenceState;
  if (deal.status !== 'open') state = 'closed';
  else if (deal.snoozedUntil !== null && deal.snoozedUntil > now) state = 'snoozed';
  else if (now >= overdueAt) state = 'overdue';
  else if (now >= dueAt) state = 'due';
  else state = 'on-track';
  return { state, ...base };
}

/**
 * The latest last-movement time that is at least `days` cadence days before `now`: a deal
 * is due exactly when its last movement is at or before this (for `dueAfterDays`), so a
 * database can answer "what is due" from an index alone. Adding cadence days never goes
 * backwards in time, so a binary search over the milliseconds finds the boundary exactly,
 * weekends, daylight-saving changes and time zones included.
 */
export function latestMovementReaching(
  days: number,
  businessDays: boolean,
  now: number,
  timeZone?: string,
): number {
  const reaches = (movement: number) =>
    addCadenceDays(movement, days, businessDays, timeZone) <= now;
  // Each cadence day spans less than 24 + 1 hours; with business days up to two weekend days
  // per five more, plus a weekend at the start.
  let low = now - (Math.ceil((days * 7) / 5) + 3) * (DAY + 3_600_000);
  let high = now;
  if (!reaches(low)) throw new Error('Cadence search started too late');
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid)) low = mid;
    else high = mid;
  }
  return low;
}
