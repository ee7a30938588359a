import Dexie from 'dexie';
import { latestMovementReaching } from '../domain/cadence';
import type { Deal } from './schemas';
import type { StoreContext } from './db';
import { readSettings } from './settings';

export interface DueScan {
  /** Ids of open, unsnoozed deals past their overdue date, longest-still first. */
  overdue: string[];
  /** ...and those past their due date but not yet overdue. */
  due: string[];
}

/**
 * What is due now, from indexes alone: the cadence rule turns "due" and "overdue" into
 * last-movement boundaries (domain/cadence.ts), the [status+lastMovementAt] index gives the
 * deals before each, and the snoozedUntil index the few that are held back.
 */
export function scanDue(ctx: StoreContext): Promise<DueScan> {
  return ctx.db.transaction('r', ctx.db.deals, ctx.db.settings, () => scanDueWithin(ctx));
}

async function scanDueWithin(ctx: StoreContext): Promise<DueScan> {
  const { cadence } = await readSettings(ctx);
  const now = ctx.now();
  const dueBoundary = latestMovementReaching(cadence.dueAfterDays, cadence.businessDays, now);
  const overdueBoundary = latestMovementReaching(cadence.overdueAfterDays, cadence.businessDays, now);
  const open = (from: unknown, to: number, includeFrom: boolean) =>
    ctx.db.deals.where('[status+lastMovementAt]').between(['open', from], ['open', to], includeFrom, true).primaryKeys();
  // One pass over everything due, and one over the thin slice that is due but not yet
  // overdue: cheaper than reading the overdue deals twice.
  const [dueOrOverdue, dueOnly, snoozed] = await Promise.all([
    open(Dexie.minKey, dueBoundary, true),
    open(overdueBoundary, dueBoundary, false),
    ctx.db.deals.where('snoozedUntil').above(now).primaryKeys(),
  ]);
  const held = new Set(snoozed);
  const notYetOverdue = new Set(dueOnly);
  const overdue = dueOrOverdue.filter((id) => !notYetOverdue.has(id) && !held.has(id));
  const due = dueOnly.filter((id) => !held.has(id));
  return { overdue, due };
}

export interface DueDeal {
  deal: Deal;
  state: 'due' | 'overdue';
}

/** The due and overdue deals themselves, most overdue first, for lists. */
export async function dueDeals(ctx: StoreContext, limit = Infinity): Promise<DueDeal[]> {
  const { overdue, due } = await scanDue(ctx);
  const wanted = [
    ...overdue.map((id) => ({ id, state: 'overdue' as const })),
    ...due.map((id) => ({ id, state: 'due' as const })),
  ].slice(0, limit);
  const deals = await ctx.db.deals.bulkGet(wanted.map((w) => w.id));
  return wanted.flatMap((w, i) => (deals[i] ? [{ deal: deals[i], state: w.state }] : []));
}

/** Deals whose title, company or contacts match the words of a query, newest first. */
export async function searchDeals(ctx: StoreContext, query: string, limit: number): Promise<Deal[]> {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const contacts = await ctx.db.contacts.toArray();
  const contactText = new Map(
    contacts.map((c) => [c.id, `${c.name} ${c.email ?? ''} ${c.company}`.toLocaleLowerCase()]),
  );
  const matches: Deal[] = [];
  await ctx.db.deals
    .orderBy('updatedAt')
    .reverse()
    .until(() => matches.length >= limit)
    .each((deal) => {
      const haystack = [deal.title, deal.company, ...deal.contactIds.map((id) => contactText.get(id) ?? '')]
        .join(' ')
        .toLocaleLowerCase();
      if (words.every((word) => haystack.includes(word))) matches.push(deal);
    });
  return matches;
}
