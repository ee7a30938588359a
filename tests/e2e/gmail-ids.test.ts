import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { U0, panel } from './gmail-page';

// A thread the rep started moments ago: Gmail knows it only as "thread-a:r…" and its message
// as "msg-a:r…". Once synced, Gmail adds the legacy hex ids, and the thread is "thread-f:…".
const ROUTE = `${U0}#sent/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkJ`;

describe('Gmail: one thread and one message whatever id Gmail shows', () => {
  let ext: Extension;
  let page: Page;

  const deals = async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    const reply = await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'deal.search', query: 'Globex', limit: 10 }),
    );
    await dashboard.close();
    return (reply as { data: { id: string; touchCount: number }[] }).data;
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/thread-just-started.html' } });
    page = await ext.context.newPage();
    await page.goto(ROUTE);
  });
  afterAll(() => ext?.close());

  it('keeps the deal and its one touch when Gmail gives the thread and the message their permanent ids', async () => {
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 0');
    await expect.poll(async () => (await deals()).map((d) => d.touchCount)).toEqual([1]);

    // Gmail's sync: the legacy ids appear beside the client-side ones.
    await page.evaluate(() => {
      document.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', '19a4c5e6f70a0001');
      document
        .querySelector('[data-message-id]')!
        .setAttribute('data-legacy-message-id', '19a4c5e6f70a0002');
    });
    await page.waitForTimeout(1_000);
    await expect(p.getByRole('button', { name: 'Create deal' }).count()).resolves.toBe(0);
    await expect(p.locator('.tl-deal .tl-title').textContent()).resolves.toBe(
      'Proposal: Globex data platform',
    );
    // Still one deal, with its one message counted once.
    expect((await deals()).map((d) => d.touchCount)).toEqual([1]);
  });
});
