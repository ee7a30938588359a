/**
 * Calls `onChange` when the page may show something new: on navigation (hash changes and
 * history updates) and on DOM changes, folded into at most one call per task so a busy page
 * costs one read per burst. Stops when `signal` aborts.
 */
export function watchPage(signal: AbortSignal, onChange: () => void): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (!signal.aborted) onChange();
    }, 0);
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
