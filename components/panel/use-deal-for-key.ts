import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { request, RequestError } from '../../messaging/client';
import { subscribeToChanges } from '../../messaging/changes';
import type { DealView } from '../../storage/deal-view';

export type LinkedDeal =
  | { status: 'loading' }
  | { status: 'unlinked' }
  | { status: 'linked'; view: DealView }
  | { status: 'error'; message: string };

// What this page last heard for each key: going back to a thread shows its deal at once,
// and the fresh answer replaces it a moment later.
const lastKnown = new Map<string, LinkedDeal>();
const LAST_KNOWN_LIMIT = 200;

function remember(key: string, state: LinkedDeal): LinkedDeal {
  lastKnown.delete(key);
  lastKnown.set(key, state);
  if (lastKnown.size > LAST_KNOWN_LIMIT) lastKnown.delete(lastKnown.keys().next().value!);
  return state;
}

/**
 * The deal a thread, profile or conversation is linked to, kept live: refetched whenever
 * the pipeline changes anywhere. `setView` shows an action's result at once.
 */
export function useDealForKey(key: string | null) {
  const [state, setState] = useState<LinkedDeal>(
    () => (key && lastKnown.get(key)) || { status: 'loading' },
  );
  // Changes can come in quick succession (a touch recorded, the pipeline's stages saved): only
  // the answer to the latest ask is shown, never an older one's answer or failure after it.
  const asked = useRef(0);
  const load = useCallback(async () => {
    if (!key) return;
    const ask = ++asked.current;
    try {
      const view = await request({ type: 'deal.forKey', key });
      if (ask !== asked.current) return;
      setState(remember(key, view ? { status: 'linked', view } : { status: 'unlinked' }));
    } catch (error) {
      // A newer ask has answered, or will: an older one's failure is no longer news.
      if (ask !== asked.current) return;
      setState({
        status: 'error',
        message: error instanceof RequestError ? error.message : String(error),
      });
    }
  }, [key]);
  // Asked as the panel renders, not after the next frame (when an effect would run): the
  // answer then arrives a frame sooner.
  useLayoutEffect(() => {
    setState((key && lastKnown.get(key)) || { status: 'loading' });
    void load();
    return subscribeToChanges(() => void load());
  }, [key, load]);
  const setView = useCallback(
    (view: DealView | null) => {
      const next: LinkedDeal = view ? { status: 'linked', view } : { status: 'unlinked' };
      setState(key ? remember(key, next) : next);
    },
    [key],
  );
  return { state, reload: load, setView };
}
