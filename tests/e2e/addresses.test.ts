import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { U0, navigateGmail, panel } from './gmail-page';

// Addresses are page data: a bookmark, a link in a mail, a hand-typed hash may hold a `%` escape
// that decodeURIComponent refuses (a truncated UTF-8 sequence such as %E0%A4%A).
const MALFORMED = '%E0%A4%A';

describe('addresses that do not decode', () => {
  let ext: Extension;
  let pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/thread.html' } });
  });
  beforeEach(() => {
    pageErrors = [];
  });
  // Whatever address a test used, no error escaped into its pages.
  afterEach(() => expect(pageErrors).toEqual([]));
  afterAll(() => ext?.close());

  it('shows the dashboard’s "not found" view for a deal address with a malformed escape', async () => {
    const dashboard = watch(await ext.context.newPage());
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#deal/${MALFORMED}`);
    await dashboard.getByText('This deal no longer exists.').waitFor({ timeout: 5_000 });
    await expect(
      dashboard
        .getByRole('navigation')
        .getByRole('link', { name: 'Pipeline', exact: true })
        .count(),
    ).resolves.toBe(1);

    // Arriving at one from another view, and leaving it again.
    await dashboard.evaluate(() => (location.hash = 'board'));
    await dashboard.locator('#board').waitFor();
    await dashboard.evaluate((bad) => (location.hash = `deal/${bad}%`), MALFORMED);
    await dashboard.getByText('This deal no longer exists.').waitFor({ timeout: 5_000 });
    await dashboard.evaluate(() => (location.hash = 'queue'));
    await dashboard.locator('#queue').waitFor();

    // A well-formed escape still opens its deal.
    const created = await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'deal.create', input: { title: 'Acme: 40 seats' } }),
    );
    const id = (created as { data: { deal: { id: string } } }).data.deal.id;
    await dashboard.evaluate((id) => (location.hash = `deal/${encodeURIComponent(id)}`), id);
    await dashboard.getByRole('heading', { name: 'Acme: 40 seats' }).waitFor({ timeout: 5_000 });
    await dashboard.close();
  });

  it('keeps the Gmail panel working on views whose address has a malformed escape', async () => {
    const gmail = watch(await ext.context.newPage());
    await gmail.goto(`${U0}#label/${MALFORMED}/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC`);
    await panel(gmail).getByRole('heading', { name: 'Re: Pricing for 40 seats' }).waitFor();
    for (const hash of [
      `search/${MALFORMED}`,
      `inbox/${MALFORMED}`,
      `label/${MALFORMED}`,
      MALFORMED,
    ]) {
      await navigateGmail(gmail, hash, 'gmail/inbox.html');
      await expect.poll(() => panel(gmail).count()).toBe(0);
    }
    await navigateGmail(
      gmail,
      `search/${MALFORMED}/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC`,
      'gmail/thread.html',
    );
    await panel(gmail).getByRole('heading', { name: 'Re: Pricing for 40 seats' }).waitFor();
    await gmail.close();
  });

  it('let no error escape into any page', async () => {
    // A malformed escape in a deal address and in a Gmail view, each opened cold.
    const dashboard = watch(await ext.context.newPage());
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#deal/${MALFORMED}`);
    await dashboard.getByText('This deal no longer exists.').waitFor({ timeout: 5_000 });
    const gmail = watch(await ext.context.newPage());
    await gmail.goto(`${U0}#search/${MALFORMED}`);
    await gmail.waitForTimeout(300);
    await expect(panel(gmail).count()).resolves.toBe(0);
    await Promise.all([dashboard.close(), gmail.close()]);
    expect(pageErrors).toEqual([]);
  });
});
