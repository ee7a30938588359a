import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { U0, navigateGmail, panel } from './gmail-page';

// A 30-message thread the rep started, opened from a nested label: Gmail shows the first and
// the last four messages and folds 25 away behind "25 older messages". The prospect last
// answered on Oct 28; the rep has followed up five times since, the last on Nov 6.
const ROUTE = 'label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC';
const KEY = 'gmail:maria.rep@northwind.fi:thread-f:1847819342906399008';

describe('Gmail: a long thread, counted right at once', () => {
  let ext: Extension;
  let fresh: StoredState;
  let page: Page;
  let printViews: string[] = [];
  let pageErrors: string[] = [];
  const PRINT_VIEW = `${U0}?view=pt`;

  const stored = async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    const reply = await dashboard.evaluate(
      (key) => chrome.runtime.sendMessage({ type: 'deal.forKey', key }),
      KEY,
    );
    await dashboard.close();
    return (reply as { data: { deal: { touchCount: number; followUpCount: number } } | null }).data
      ?.deal;
  };

  /** The rep creates the deal from the thread's panel, as the first test does. */
  const createDeal = async () => {
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await expect
      .poll(() => p.locator('.tl-follow-ups').textContent(), { timeout: 10_000 })
      .toBe('Follow-up 5');
  };

  beforeAll(async () => {
    ext = await startExtension({
      pages: { [U0]: 'gmail/long-thread.html', [PRINT_VIEW]: 'gmail/print/long-thread.html' },
    });
    ext.context.on(
      'request',
      (request) => request.url().includes('view=pt') && printViews.push(request.url()),
    );
    fresh = await snapshotStored(ext);
  });
  // Each test starts from a freshly installed extension, Gmail's print view served, and the
  // thread open in a new tab.
  beforeEach(async () => {
    await restoreStored(ext, fresh);
    ext.pages[PRINT_VIEW] = 'gmail/print/long-thread.html';
    printViews = [];
    pageErrors = [];
    page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${U0}#${ROUTE}`);
  });
  afterEach(() => expect(pageErrors).toEqual([]));
  afterAll(() => ext?.close());

  it('creates a deal from the thread and shows its real state: five unanswered follow-ups, overdue since Nov 6', async () => {
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await expect
      .poll(() => p.locator('.tl-follow-ups').textContent(), { timeout: 10_000 })
      .toBe('Follow-up 5');
    await expect(p.locator('.tl-turn').textContent()).resolves.toBe('Waiting for them');
    await expect(p.locator('.tl-cadence').getAttribute('class')).resolves.toContain(
      'tl-cadence-overdue',
    );
    await expect(p.locator('.tl-last-touch time').getAttribute('title')).resolves.toMatch(
      /November 6, 2026/,
    );
    await expect(p.locator('.tl-unread').count()).resolves.toBe(0);
    expect(await stored()).toMatchObject({ touchCount: 30, followUpCount: 5 });
    // One request for the whole thread, to Gmail's own print view of it, in the same account.
    expect(printViews).toHaveLength(1);
    expect(new URL(printViews[0]!).pathname).toBe('/mail/u/0/');
    expect(new URL(printViews[0]!).searchParams.get('permthid')).toBe(
      'thread-f:1847819342906399008',
    );
  });

  it('coaches past the second unanswered follow-up and opens Gmail’s own reply on the thread', async () => {
    // The deal the first test creates.
    await createDeal();
    const coach = panel(page).getByRole('note');
    await expect(
      coach.getByText(/^5 follow-ups without an answer\. Most reps stop here/).count(),
    ).resolves.toBe(1);
    await page.evaluate(() => {
      (globalThis as { replyClicks?: number }).replyClicks = 0;
      document
        .querySelector('div[role=button].aaq')!
        .addEventListener('click', () => (globalThis as { replyClicks?: number }).replyClicks!++);
    });
    await coach.getByRole('button', { name: 'Follow up' }).click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as { replyClicks?: number }).replyClicks))
      .toBe(1);
  });

  it('keeps the count when the rep expands every message', async () => {
    // The deal the first test creates.
    await createDeal();
    await navigateGmail(page, ROUTE, 'gmail/long-thread-expanded.html');
    const p = panel(page);
    await page.waitForTimeout(800);
    await expect(p.locator('.tl-follow-ups').textContent()).resolves.toBe('Follow-up 5');
    expect(await stored()).toMatchObject({ touchCount: 30, followUpCount: 5 });
  });

  it('keeps the count when the thread is opened again, collapsed', async () => {
    // The deal the first test creates.
    await createDeal();
    await page.reload();
    const p = panel(page);
    await expect
      .poll(() => p.locator('.tl-follow-ups').textContent(), { timeout: 10_000 })
      .toBe('Follow-up 5');
    await page.waitForTimeout(800);
    expect(await stored()).toMatchObject({ touchCount: 30, followUpCount: 5 });
    expect(pageErrors).toEqual([]);
  });

  it('says what it has not read when Gmail does not give the whole thread', async () => {
    // The deal the first test creates.
    await createDeal();
    delete ext.pages[PRINT_VIEW];
    await page.reload();
    const p = panel(page);
    await expect
      .poll(() => p.locator('.tl-unread').textContent(), { timeout: 10_000 })
      .toBe('25 earlier messages not read yet: the follow-up count may change.');
  });
});

describe('Gmail: routes that are not threads', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/inbox.html' } });
  });
  afterAll(() => ext?.close());

  it('opens no panel on a label whose long name looks like a token, and one on a thread in a nested label', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${U0}#label/Customer-Onboarding-2025`);
    await page.waitForTimeout(1_000);
    await expect(panel(page).count()).resolves.toBe(0);
    await navigateGmail(page, ROUTE, 'gmail/long-thread.html');
    await panel(page).getByRole('button', { name: 'Create deal' }).waitFor();
  });
});
