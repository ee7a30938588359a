import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import type { Stamp } from '../../domain/sync-merge';
import { rowsOfDeal } from '../../storage/by-deal';
import type { StoreContext } from '../../storage/db';
import { syncedTable } from '../../storage/sync-records';
import { docId, parseTeamDoc, toDoc } from './team-doc';

/**
 * A deal that comes back to the team (shared again after it was private, or made again after
 * a deletion) brings its touches and stage history back too. A teammate removed them with
 * the deal, and takes a document only when it changes: each one the team has is written
 * again, its values as they were, stamped by this browser now.
 */
export async function rowsToResend(
  ctx: StoreContext,
  mirror: PouchDatabase,
  dealIds: readonly string[],
  stamp: Stamp,
): Promise<PouchDoc[]> {
  const ids: string[] = [];
  for (const dealId of dealIds) {
    for (const table of ['touches', 'stageHistory'] as const) {
      const entry = syncedTable(table)!;
      const rows = (await rowsOfDeal(ctx.db.table(table), dealId).toArray()) as Record<
        string,
        unknown
      >[];
      for (const row of rows.filter((row) => entry.shared(row)))
        ids.push(docId(entry.kind, entry.docKey(row)));
    }
  }
  if (ids.length === 0) return [];
  const { rows } = await mirror.allDocs({ keys: ids, include_docs: true });
  return rows.flatMap(({ doc }) => {
    const parsed = doc ? parseTeamDoc(doc) : null;
    if (!doc || !parsed?.ok) return [];
    const fields = Object.fromEntries(
      Object.entries(parsed.record.fields).map(([name, field]) => [name, { ...field, ...stamp }]),
    );
    return [toDoc(parsed.kind, parsed.key, { ...parsed.record, fields }, doc._rev)];
  });
}
