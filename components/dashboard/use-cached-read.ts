import { useEffect, useState } from 'preact/hooks';
import type { StoreContext } from '../../storage/db';
import { onTablesChanged } from '../../storage/queries';

/**
 * The result of a read through storage/queries.ts's cache, read again after every write to
 * one of `tables` (in this page, another tab or the worker). A liveQuery cannot do this: a
 * read the cache answers touches no table, so liveQuery would never hear of a change.
 * undefined until the first result; a null read waits.
 */
export function useCachedRead<T>(
  ctx: StoreContext,
  read: (() => Promise<T>) | null,
  tables: readonly string[],
  deps: unknown[] = [],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!read) return;
    let latest = 0;
    let stopped = false;
    const run = () => {
      // Reads can overlap when writes come quickly: only the last one asked for is shown.
      const ticket = ++latest;
      read().then(
        (result) => !stopped && ticket === latest && setValue(() => result),
        (error: unknown) => console.error('Threadline: read failed', error),
      );
    };
    const unsubscribe = onTablesChanged(ctx, tables, run);
    run();
    return () => {
      stopped = true;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
