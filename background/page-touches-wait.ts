/**
 * How long a page's messages wait in the worker before they are written.
 *
 * A panel writes its page's messages once it has shown the deal, and the rep's next page asks
 * for its deal moments later (Gmail's j and k, a click down the inbox). IndexedDB runs a read
 * after a write transaction that started before it on the same tables (deals, touches,
 * objections), so the next page's deal waited for the last page's write. Waiting a moment
 * here lets that read start first; nothing shows the written touches sooner than the change
 * notice that follows them. Requests keep their order: every page's write waits as long, and
 * a send recorded meanwhile is written first, which is the order its matching needs.
 */
export const PAGE_TOUCHES_WAIT_MS = 30;

export function letPanelReadsGoFirst(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAGE_TOUCHES_WAIT_MS));
}
