import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';

// The Dexie middlewares (storage/sync-outbox.ts, storage/deal-facts.ts) need the keys a
// mutation touches; a range delete names only its range, so the keys are looked up first.

/** The primary keys a `deleteRange` request removes; none for any other request. */
export function keysInRange(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type !== 'deleteRange') return Promise.resolve([]);
  return table
    .query({
      trans: req.trans,
      values: false,
      query: { index: table.schema.primaryKey, range: req.range },
    })
    .then((found) => found.result);
}
