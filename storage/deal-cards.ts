import type { Transaction } from 'dexie';
import { z } from 'zod';
import { dealSchema, type Deal } from './schemas';

// The board and the follow-up queue show every open deal, and IndexedDB's cost is per record
// and per byte: a whole deal carries its notes, BANT, checklist and contacts, which neither
// shows. So each open deal also has one thin card of what they show, kept by the deal facts
// middleware (storage/deal-facts.ts) in the same transaction as every write to `deals`. The
// table holds open deals only, so reading it whole reads the open deals and nothing else.
// Derived data: neither backed up nor synced.

export const DEAL_CARDS_TABLE = 'dealCards';

export const dealCardSchema = dealSchema.pick({
  id: true,
  title: true,
  company: true,
  value: true,
  currency: true,
  stageId: true,
  status: true,
  owner: true,
  private: true,
  createdAt: true,
  updatedAt: true,
  stageChangedAt: true,
  closedAt: true,
  snoozedUntil: true,
  answerDueAt: true,
  lastTouchAt: true,
  lastTouchDirection: true,
  followUpCount: true,
  lastMovementAt: true,
});
/** What the board's cards and the queue's rows show of an open deal, and work out from. */
export type DealCard = z.infer<typeof dealCardSchema>;

/** The card of an open deal; null for a closed one (it has none). */
export function dealCardOf(deal: Deal): DealCard | null {
  if (deal.status !== 'open') return null;
  const card: DealCard = {
    id: deal.id,
    title: deal.title,
    company: deal.company,
    value: deal.value,
    currency: deal.currency,
    stageId: deal.stageId,
    status: deal.status,
    owner: deal.owner ?? null,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    stageChangedAt: deal.stageChangedAt,
    closedAt: deal.closedAt,
    snoozedUntil: deal.snoozedUntil,
    answerDueAt: deal.answerDueAt ?? null,
    lastTouchAt: deal.lastTouchAt,
    lastTouchDirection: deal.lastTouchDirection,
    followUpCount: deal.followUpCount,
    lastMovementAt: deal.lastMovementAt,
  };
  // Only private deals carry the mark, as only they carry it on the deal.
  if (deal.private !== undefined) card.private = deal.private;
  return card;
}

/** Works every open deal's card out afresh from the deals (an upgrade). */
export async function rebuildDealCards(tx: Transaction): Promise<void> {
  const deals = await tx.table<Deal, string>('deals').toArray();
  const table = tx.table<DealCard, string>(DEAL_CARDS_TABLE);
  await table.clear();
  await table.bulkAdd(deals.map(dealCardOf).filter((card) => card !== null));
}
