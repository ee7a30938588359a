import type { IndexableType, Table } from 'dexie';

// Dexie's anyOf() walks one cursor across the wanted keys, waiting for each step's answer
// before taking the next: a thousand keys are a thousand round trips to IndexedDB. Asking
// for each key in its own request sends them all at once, as bulkGet() does for primary keys.

/** The primary keys stored under each of `keys` in an index, in the order asked. */
export function primaryKeysUnder<K>(
  table: Table<unknown, K>,
  index: string,
  keys: readonly IndexableType[],
): Promise<K[][]> {
  return Promise.all(keys.map((key) => table.where(index).equals(key).primaryKeys()));
}

/** The records stored under any of `keys` in an index: each key asked once. */
export async function recordsUnder<T, K, TInsert>(
  table: Table<T, K, TInsert>,
  index: string,
  keys: readonly IndexableType[],
): Promise<T[]> {
  const distinct = [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
  const found = await Promise.all(distinct.map((key) => table.where(index).equals(key).toArray()));
  return found.flat();
}
