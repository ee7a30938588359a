import { useEffect } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import type { RecordTouchInput } from '../../storage/inputs';

/**
 * Records every message a page shows as a touch of the linked deal, once per change of what is
 * shown: `signature` names the messages (the page's reading is a new object each time), and
 * `touchesFor` turns them into touches of a deal. The deal as it then stands goes to `onView`.
 */
export function useTouchSync(
  dealId: string | null,
  signature: string,
  touchesFor: (dealId: string) => RecordTouchInput[],
  onView: (view: DealView) => void,
) {
  useEffect(() => {
    if (!dealId) return;
    const inputs = touchesFor(dealId);
    if (inputs.length > 0)
      void request({ type: 'touches.sync', inputs }).then(
        (r) => r.view && onView(r.view),
        // The next change of the page tries again; the panel's deal is unchanged meanwhile.
        () => undefined,
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature says when the messages changed
  }, [dealId, signature]);
}
