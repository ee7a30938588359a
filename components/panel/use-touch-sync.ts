import { useEffect } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { RecordTouchInput } from '../../storage/inputs';

// Pages' messages waiting to be written, by what they show, in the order shown: each page's
// go in one request, one request at a time, so a later page's write never overtakes an
// earlier one's. (Waiting a quarter second for the rep to stop kept a write from holding up
// the next thread's deal, but a reply sent in that time could be counted twice, once as sent
// and once as shown; the writes go at once until the worker matches the two in either order.)
const waiting = new Map<string, RecordTouchInput[]>();
let writing = Promise.resolve();

async function writeWaiting() {
  for (const [signature, inputs] of waiting) {
    waiting.delete(signature);
    // The next change of the page tries again. The panel hears of what the write changed as
    // every panel does, by the change notice, and asks for its deal then: the reply's view
    // may be older than one already shown (the pipeline settings saved meanwhile).
    await request({ type: 'touches.sync', inputs }).catch(() => null);
  }
}

function write(signature: string, inputs: RecordTouchInput[]) {
  waiting.set(signature, inputs);
  writing = writing.then(writeWaiting).catch(() => undefined);
}

/**
 * Records every message a page shows as a touch of the linked deal, once per change of what is
 * shown: `signature` names the messages (the page's reading is a new object each time), and
 * `touchesFor` turns them into touches of a deal.
 */
export function useTouchSync(
  dealId: string | null,
  signature: string,
  touchesFor: (dealId: string) => RecordTouchInput[],
) {
  useEffect(() => {
    if (!dealId) return;
    const inputs = touchesFor(dealId);
    if (inputs.length > 0) write(`${dealId}|${signature}`, inputs);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature says when the messages changed
  }, [dealId, signature]);
}
