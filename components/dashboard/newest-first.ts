import type { Deal } from '../../storage/schemas';

/**
 * Deals in the order of the `updatedAt` index read backwards: latest update first, and on
 * a tie the greater id first (IndexedDB compares string keys by code unit, as `<` does).
 * Sorting what an index query returned keeps the dashboard's order without a cursor.
 */
export function newestFirst<T extends Pick<Deal, 'id' | 'updatedAt'>>(deals: readonly T[]): T[] {
  return [...deals].sort(
    (a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
