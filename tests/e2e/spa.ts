import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Plays a single-page site's own router: the address changes first (a hash or pushState),
 * and the new view's markup replaces the old a moment later, with no page load. Our panel's
 * host element stays, as it would on the real site.
 */
export async function spaNavigate(
  page: Page,
  to: { hash?: string; path?: string },
  fixturePath: string,
): Promise<void> {
  const html = readFileSync(`tests/fixtures/${fixturePath}`, 'utf8');
  await page.evaluate(
    async ({ to, html }) => {
      if (to.hash !== undefined) location.hash = to.hash;
      if (to.path !== undefined) history.pushState({}, '', to.path);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.title = next.title;
      const host = document.querySelector('threadline-panel');
      document.body.replaceChildren(
        ...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)),
      );
      if (host) document.body.append(host);
    },
    { to, html },
  );
}
