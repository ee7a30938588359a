/**
 * Calls `onChange` when the page may show something new: on navigation (hash changes and
 * history updates) and on DOM changes, folded into one call per burst so a busy page costs one
 * read per burst. The call comes in the same task as the change (a microtask), so the panel
 * is drawn in the frame that first shows the page's new view, not a frame later. Stops when
 * `signal` aborts.
 */
export function watchPage(signal: AbortSignal, onChange: () => void): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!signal.aborted) onChange();
    });
  };
  // Gmail marks list rows on hover and focus, many times a second: a class change inside a
  // table row never shows a new view, so it wakes nothing (one closest() per change).
  const observer = new MutationObserver((records) => {
    if (
      records.some(
        (record) =>
          !(record.attributeName === 'class' && (record.target as Element).closest?.('tr')),
      )
    )
      schedule();
  });
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['title', 'data-thread-perm-id', 'data-message-id', 'class'],
  });
  window.addEventListener('hashchange', schedule, { signal });
  window.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();
}
