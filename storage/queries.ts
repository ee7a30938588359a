import Dexie from 'dexie';
import { cadenceOf, dueScanCutoff } from '../domain/cadence';
import type { Deal } from './schemas';
import type { StoreContext } from './db';
import { getSettings } from './settings';

export interface DueDeal {
  deal: Deal;
  state: 'due' | 'overdue';
  dueAt: number;
}

/**
 * Open deals that are due or overdue now, most overdue first. The index on
 * [status+lastMovementAt] narrows the scan to deals that have been still long enough;
 * the cadence rule then decides each one exactly.
 */
export async function dueDeals(ctx: StoreContext): Promise<DueDeal[]> {
  const settings = await getSettings(ctx);
  const now = ctx.now();
  const candidates = await ctx.db.deals
    .where('[status+lastMovementAt]')
    .between(['open', Dexie.minKey], ['open', dueScanCutoff(settings.cadence, now)], true, true)
    .toArray();
  const due: DueDeal[] = [];
  for (const deal of candidates) {
    const cadence = cadenceOf(deal, settings.cadence, now);
    if (cadence.state === 'due' || cadence.state === 'overdue') {
      due.push({ deal, state: cadence.state, dueAt: cadence.dueAt });
    }
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
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
