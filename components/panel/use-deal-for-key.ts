import { useCallback, useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../../messaging/client';
import { subscribeToChanges } from '../../messaging/changes';
import type { DealView } from '../../storage/deal-view';

export type LinkedDeal =
  | { status: 'loading' }
  | { status: 'unlinked' }
  | { status: 'linked'; view: DealView }
  | { status: 'error'; message: string };

/**
 * The deal a thread, profile or conversation is linked to, kept live: refetched whenever
 * the pipeline changes anywhere. `setView` shows an action's result at once.
 */
export function useDealForKey(key: string | null) {
  const [state, setState] = useState<LinkedDeal>({ status: 'loading' });
  const load = useCallback(async () => {
    if (!key) return;
    try {
      const view = await request({ type: 'deal.forKey', key });
      setState(view ? { status: 'linked', view } : { status: 'unlinked' });
    } catch (error) {
      setState({ status: 'error', message: error instanceof RequestError ? error.message : String(error) });
    }
  }, [key]);
  useEffect(() => {
    setState({ status: 'loading' });
    void load();
    return subscribeToChanges(() => void load());
  }, [load]);
  const setView = useCallback((view: DealView | null) => setState(view ? { status: 'linked', view } : { status: 'unlinked' }), []);
  return { state, reload: load, setView };
}
