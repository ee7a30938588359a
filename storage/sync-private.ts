import { isDeleted, type SyncKind, type SyncRecord } from '../domain/sync-merge';
import type { StoreContext } from './db';

// What a rep keeps private never goes to the team: a deal marked private, and all that hangs
// on it (its links, touches, stage history, objections, and the contacts no shared deal
// lists). The mark is the deal's own `private` field, which is not among the fields a team
// shares: pulled documents cannot carry it, and it follows the deal in a backup. The sync
// asks here on the way out (background/sync/push.ts: a private record goes out as absent, so
// one the team had is withdrawn) and on the way in (storage/sync-apply.ts: nothing from the
// team overwrites or deletes it).

/** The tables whose rows hang on one deal through their `dealId`. */
const OF_A_DEAL = new Set(['links', 'touches', 'stageHistory', 'objections']);
const KIND_OF_A_DEAL = new Set<SyncKind>(['link', 'touch', 'stage', 'objection']);

type Row = Record<string, unknown> | undefined;

/**
 * Deals' private marks as read during one push or pull: a deal is read once, not once for
 * every batch of its touches (a first sync goes through a hundred thousand, and a deal is the
 * largest record there is). A mark set while the push runs goes with the deal's own note,
 * which withdraws the deal and, with it, all that hangs on it in teammates' browsers.
 */
export type KnownMarks = Map<string, boolean>;

/** Which of these deals the rep keeps private. */
export async function privateDeals(
  ctx: StoreContext,
  dealIds: Iterable<string>,
  known: KnownMarks = new Map(),
) {
  const asked = [...new Set(dealIds)];
  const unread = asked.filter((id) => !known.has(id));
  const deals = unread.length > 0 ? await ctx.db.deals.bulkGet(unread) : [];
  unread.forEach((id, i) => known.set(id, deals[i]?.private === true));
  return new Set(asked.filter((id) => known.get(id)));
}

/** Which of these contacts only private deals list (a contact on no deal is shared). */
export async function privateContacts(ctx: StoreContext, contactIds: Iterable<string>) {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return new Set<string>();
  const deals = await ctx.db.deals.where('contactIds').anyOf(ids).distinct().toArray();
  const shared = new Set<string>();
  const listed = new Set<string>();
  for (const deal of deals) {
    for (const id of deal.contactIds) (deal.private ? listed : shared).add(id);
  }
  return new Set(ids.filter((id) => listed.has(id) && !shared.has(id)));
}

/** For each row of a shared table (undefined: deleted here), whether it stays here. */
export async function withheldFromTeam(
  ctx: StoreContext,
  table: string,
  rows: readonly Row[],
  known: KnownMarks = new Map(),
): Promise<boolean[]> {
  if (table === 'deals') {
    for (const row of rows) if (row) known.set(String(row.id), row.private === true);
    return rows.map((row) => row?.private === true);
  }
  if (table === 'contacts') {
    const hidden = await privateContacts(ctx, idsOf(rows, 'id'));
    return rows.map((row) => row !== undefined && hidden.has(String(row.id)));
  }
  if (!OF_A_DEAL.has(table)) return rows.map(() => false);
  const hidden = await privateDeals(ctx, idsOf(rows, 'dealId'), known);
  return rows.map((row) => row !== undefined && hidden.has(String(row.dealId)));
}

function idsOf(rows: readonly Row[], field: string): string[] {
  return rows.flatMap((row) => (row && typeof row[field] === 'string' ? [row[field]] : []));
}

/** A team record as it comes in, before it is applied. */
export interface IncomingRecord {
  id: string;
  kind: SyncKind;
  key: string;
  record: SyncRecord;
}

/** The deal a team record of a deal's row names (a deletion keeps its fields). */
function dealIdOf(item: IncomingRecord): string | null {
  const named = item.record.fields.dealId?.v;
  return typeof named === 'string' ? named : null;
}

/** The ids of team records about what is private here: none of them is applied. */
export async function aboutPrivate(
  ctx: StoreContext,
  incoming: readonly IncomingRecord[],
  known: KnownMarks = new Map(),
): Promise<Set<string>> {
  const deals = await privateDeals(
    ctx,
    [
      ...incoming.flatMap((item) => (item.kind === 'deal' ? [item.key] : [])),
      ...incoming.flatMap((item) => (KIND_OF_A_DEAL.has(item.kind) ? [dealIdOf(item) ?? ''] : [])),
    ],
    known,
  );
  const contacts = await privateContacts(
    ctx,
    incoming.flatMap((item) => (item.kind === 'contact' ? [item.key] : [])),
  );
  const about = (item: IncomingRecord) =>
    item.kind === 'deal'
      ? deals.has(item.key)
      : item.kind === 'contact'
        ? contacts.has(item.key)
        : KIND_OF_A_DEAL.has(item.kind) && deals.has(dealIdOf(item) ?? '');
  return new Set(incoming.filter(about).map((item) => item.id));
}

/** The tables whose records a team can delete: what it has of a private deal goes again. */
const WITHDRAWN_TABLE: Partial<Record<SyncKind, string>> = {
  deal: 'deals',
  contact: 'contacts',
  link: 'links',
  objection: 'objections',
};

/**
 * A teammate who had not yet seen a withdrawal edited the record: the team has it again.
 * Noted for the next push, which withdraws it once more (its deletion is the later edit).
 */
export async function withdrawAgain(
  ctx: StoreContext,
  items: readonly IncomingRecord[],
): Promise<void> {
  const at = ctx.now();
  const notes = items.flatMap((item) => {
    const table = WITHDRAWN_TABLE[item.kind];
    return table && !isDeleted(item.record) ? [{ table, key: item.key, at }] : [];
  });
  if (notes.length > 0) await ctx.db.syncOutbox.bulkAdd(notes);
}
