import { addBusinessDays, addDays } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { CadenceSettings, DealCadenceFacts } from './types';

export const DEFAULT_CADENCE: CadenceSettings = { dueAfterDays: 3, overdueAfterDays: 5, businessDays: false };

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

/** The latest of the last touch, the last stage change and the deal's creation. */
export function lastMovementAt(deal: Pick<DealCadenceFacts, 'createdAt' | 'stageChangedAt' | 'lastTouchAt'>): number {
  return Math.max(deal.createdAt, deal.stageChangedAt, deal.lastTouchAt ?? -Infinity);
}

/**
 * `days` later by the calendar of a time zone (the runtime's own unless given): the same
 * wall-clock time on a later day, so a daylight-saving change does not shift it by an hour.
 * With business days, Saturdays and Sundays are skipped.
 */
export function addCadenceDays(from: number, days: number, businessDays: boolean, timeZone?: string): number {
  const options = timeZone ? { in: tz(timeZone) } : undefined;
  const date = businessDays ? addBusinessDays(from, days, options) : addDays(from, days, options);
  return date.getTime();
}

/**
 * Where a deal stands: due `dueAfterDays` after its last movement, overdue after
 * `overdueAfterDays`. A snooze holds until its date; closed deals never nag.
 */
export function cadenceOf(
  deal: DealCadenceFacts,
  settings: CadenceSettings,
  now: number,
  opts: { timeZone?: string } = {},
): Cadence {
  const movement = lastMovementAt(deal);
  const dueAt = addCadenceDays(movement, settings.dueAfterDays, settings.businessDays, opts.timeZone);
  const overdueAt = addCadenceDays(movement, settings.overdueAfterDays, settings.businessDays, opts.timeZone);
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
 * An upper bound on the last movement of any deal that can be due at `now`, to narrow an
 * index scan. Business days only push due dates later, and a daylight-saving change moves
 * a calendar day by at most an hour, so the plain day count less two hours is safe.
 */
export function dueScanCutoff(settings: CadenceSettings, now: number): number {
  return now - settings.dueAfterDays * DAY + 2 * 3_600_000;
}
