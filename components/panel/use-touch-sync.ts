import { useEffect, useRef } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { RecordTouchInput } from '../../storage/inputs';

/**
 * How long the rep stays on a page before its messages are written as touches: not at all,
 * for now. Waiting a quarter second kept a write from holding up the next thread's deal, but
 * a reply sent in that time could be counted twice, once as sent and once as shown; until the
 * worker matches the two whatever their order, a page's messages go at once, one write at a
 * time, in the order the pages were shown.
 */
export const TOUCH_SYNC_QUIET_MS = 0;

type Job = { inputs: RecordTouchInput[] };
// Pages shown since the rep last stopped, by what they show: all are written then, also those
// the rep has left (their messages were shown), one request at a time, in the order shown.
const waiting = new Map<string, Job>();
let timer: ReturnType<typeof setTimeout> | undefined;
let writing = Promise.resolve();

async function writeWaiting() {
  for (const [signature, { inputs }] of waiting) {
    waiting.delete(signature);
    // The next change of the page tries again. The panel hears of what the write changed as
    // every panel does, by the change notice, and asks for its deal then: the reply's view
    // may be older than one already shown (the pipeline settings saved meanwhile).
    await request({ type: 'touches.sync', inputs }).catch(() => null);
    // A page shown meanwhile starts the wait again.
    if (timer !== undefined) return;
  }
}

/** Writes `job`, after those waiting: `now`, or once no new page has been shown for a while. */
function write(signature: string, job: Job, now: boolean) {
  waiting.set(signature, job);
  clearTimeout(timer);
  const flush = () => {
    timer = undefined;
    writing = writing.then(writeWaiting).catch(() => undefined);
  };
  if (now) flush();
  else timer = setTimeout(flush, TOUCH_SYNC_QUIET_MS);
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
  const written = useRef<string | null>(null);
  useEffect(() => {
    if (!dealId) return;
    const inputs = touchesFor(dealId);
    if (inputs.length === 0) return;
    // A page just opened waits for the rep to stop; a message that then appears on it (the
    // reply the rep just sent) is written at once, in order with what the page showed before.
    write(`${dealId}|${signature}`, { inputs }, written.current === dealId);
    written.current = dealId;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature says when the messages changed
  }, [dealId, signature]);
}
