import { useEffect, useState } from 'preact/hooks';
import type { StoreContext } from '../../storage/db';
import type { DataPanel } from './DataPanel';

let loaded: typeof DataPanel | null = null;

/**
 * "Your data": the backup and CSV code (and the file checks that come with it) is loaded
 * when the rep opens this view, not with the dashboard's first paint.
 */
export function LazyDataPanel({ ctx }: { ctx: StoreContext }) {
  const [Panel, setPanel] = useState<typeof DataPanel | null>(() => loaded);
  useEffect(() => {
    if (Panel) return;
    let shown = true;
    import('./DataPanel').then(
      (module) => {
        loaded = module.DataPanel;
        if (shown) setPanel(() => module.DataPanel);
      },
      (error: unknown) => console.error('Threadline: could not load Your data', error),
    );
    return () => {
      shown = false;
    };
  }, [Panel]);
  if (!Panel) return <p aria-busy="true">…</p>;
  return <Panel ctx={ctx} />;
}
