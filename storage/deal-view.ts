import { bantGaps, missingBant } from '../domain/bant';
import { cadenceOf } from '../domain/cadence';
import { whoseTurn } from '../domain/follow-ups';
import { uncheckedExitItems } from '../domain/stages';
import type { BantKey, ChecklistItem } from '../domain/types';
import type { Contact, Deal, Link, Objection, Settings } from './schemas';
import type { StoreContext } from './db';
import { contactsOfDeal } from './contacts';
import { findLink, linksOfDeal } from './links';
import { objectionsOfDeal } from './objections';
import { readSettings } from './settings';

export type CadenceState = 'closed' | 'snoozed' | 'on-track' | 'due' | 'overdue';

/** Everything a panel shows about one deal, computed where the data lives. */
export interface DealView {
  deal: Deal;
  contacts: Contact[];
  links: Link[];
  stages: { id: string; name: string; bantGate: boolean }[];
  stageName: string;
  uncheckedExit: ChecklistItem[];
  gaps: BantKey[];
  missing: BantKey[];
  cadence: { state: CadenceState; dueAt: number; overdueAt: number; lastMovementAt: number };
  whoseTurn: 'rep' | 'them';
  /** The objections heard on the deal, oldest first. */
  objections: Objection[];
}

export function dealViewOf(
  deal: Deal,
  settings: Settings,
  now: number,
  contacts: Contact[],
  links: Link[],
  objections: Objection[] = [],
): DealView {
  const stage = settings.stages.find((s) => s.id === deal.stageId);
  const cadence = cadenceOf(deal, settings.cadence, now);
  return {
    deal,
    contacts,
    links,
    stages: settings.stages.map(({ id, name, bantGate }) => ({ id, name, bantGate })),
    stageName: stage?.name ?? deal.stageId,
    uncheckedExit: stage ? uncheckedExitItems(stage, deal.checkedExitItems) : [],
    gaps: bantGaps(deal.bant),
    missing: missingBant(deal.bant),
    cadence: {
      state: cadence.state,
      dueAt: cadence.dueAt,
      overdueAt: cadence.overdueAt,
      lastMovementAt: cadence.lastMovementAt,
    },
    whoseTurn: whoseTurn({ lastTouchDirection: deal.lastTouchDirection }),
    objections,
  };
}

/**
 * The view of the deal linked by `key`, or null: the link, the deal and what the view needs
 * beside it read in one transaction (a panel waits for this on every page it opens).
 */
export function dealViewForKey(ctx: StoreContext, key: string): Promise<DealView | null> {
  const { db } = ctx;
  return db.transaction(
    'r',
    [db.links, db.deals, db.settings, db.contacts, db.objections],
    async () => {
      const link = await findLink(ctx, key);
      const deal = link && (await db.deals.get(link.dealId));
      return deal ? loadDealView(ctx, deal) : null;
    },
  );
}

export async function loadDealView(ctx: StoreContext, deal: Deal): Promise<DealView> {
  // Read-only: a panel asking must not wait behind writes in flight.
  const [settings, contacts, links, objections] = await ctx.db.transaction(
    'r',
    [ctx.db.settings, ctx.db.contacts, ctx.db.links, ctx.db.objections],
    () =>
      Promise.all([
        readSettings(ctx),
        contactsOfDeal(ctx, deal.contactIds),
        linksOfDeal(ctx, deal.id),
        objectionsOfDeal(ctx, deal.id),
      ]),
  );
  return dealViewOf(deal, settings, ctx.now(), contacts, links, objections);
}
