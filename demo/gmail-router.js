// Plays Gmail's client-side router in the offline demo: clicking an inbox row changes the
// hash, and each hash shows its saved page, as Gmail would without reloading. Injected by
// scripts/start.mjs into the demo's Gmail pages only; the extension never sees this file.
/* global __ROUTES__, __ROWS__ -- replaced by scripts/start.mjs when it injects this file */
(() => {
  const routes = __ROUTES__;
  const rows = __ROWS__;
  async function show() {
    const hash = location.hash.replace(/^#/, '') || 'inbox';
    const file = routes[hash];
    if (!file) return;
    const html = await (await fetch(`/__demo/gmail/${file}`)).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.title = next.title;
    const keep = document.querySelector('threadline-panel');
    document.body.replaceChildren(
      ...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)),
    );
    if (keep) document.body.append(keep);
  }
  addEventListener('hashchange', show);
  addEventListener('DOMContentLoaded', show);
  addEventListener('click', (event) => {
    const row = event.target instanceof Element && event.target.closest('tr.zA');
    const id =
      row &&
      row.querySelector('[data-thread-id]')?.getAttribute('data-thread-id')?.replace('#', '');
    if (id && rows[id]) location.hash = rows[id];
  });
})();
