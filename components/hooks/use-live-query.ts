import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, re-run whenever the tables it read change, in this page or
 * anywhere else in the extension. undefined until the first result. A null query waits:
 * a page can hold back a large read until what it shows first has been drawn.
 */
export function useLiveQuery<T>(
  query: (() => Promise<T>) | null,
  deps: unknown[] = [],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!query) return;
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('Threadline: query failed', error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
