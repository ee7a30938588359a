import Dexie, { type Collection, type Table } from 'dexie';

/**
 * A deal's rows in a table keyed by [dealId+at] (touches, stage history). That compound index
 * is the only one on dealId there (schema version 5): a second index on dealId alone would be
 * one more entry to write for every row.
 */
export function rowsOfDeal<T, K, TInsert>(
  table: Table<T, K, TInsert>,
  dealId: string,
): Collection<T, K, TInsert> {
  return table
    .where('[dealId+at]')
    .between([dealId, Dexie.minKey], [dealId, Dexie.maxKey], true, true);
}
