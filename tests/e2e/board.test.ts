import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openView,
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { THREAD_A, U0, panel } from './gmail-page';
import { dealRecord, seedRecords } from './seed';

describe('the pipeline board', () => {
  let ext: Extension;
  let seeded: StoredState;
  let board: Page;
  let gmail: Page;

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/thread.html' } });
    board = await ext.extensionPage('dashboard.html#board');
    await board.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'deal.create',
        input: {
          title: 'Acme: 40 seats',
          company: 'Acme',
          value: 24000,
          links: [
            {
              kind: 'gmail-thread',
              account: 'maria.rep@northwind.fi',
              externalId: 'thread-f:1790123456789012345',
              label: 'Pricing',
            },
          ],
        },
      }),
    );
    await board.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'deal.create',
        input: { title: 'Globex renewal', value: 1000 },
      }),
    );
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the two deals above, on a new board.
  beforeEach(async () => {
    await restoreStored(ext, seeded);
    board = await ext.extensionPage('dashboard.html#board');
  });
  /** The Acme thread open in Gmail beside the board, its panel showing the deal. */
  const openGmail = async () => {
    gmail = await ext.context.newPage();
    await gmail.goto(THREAD_A);
    await panel(gmail).getByLabel('Stage').waitFor();
  };
  afterAll(() => ext?.close());

  const column = (name: string) => board.getByRole('region', { name, exact: true });
  /** Moves the Acme deal as the board's keyboard and drag tests do. */
  const moveAcme = async (stageId: string) => {
    const deals = seeded.tables.deals as { id: string; title: string }[];
    const dealId = deals.find((deal) => deal.title === 'Acme: 40 seats')!.id;
    await board.evaluate(
      ({ dealId, stageId }) => chrome.runtime.sendMessage({ type: 'stage.move', dealId, stageId }),
      { dealId, stageId },
    );
  };

  it('shows a column per stage with its count and value', async () => {
    await column('Prospecting')
      .getByRole('button', { name: /Acme: 40 seats/ })
      .waitFor();
    await expect(column('Prospecting').locator('.totals').textContent()).resolves.toBe(
      '2 deals · €25,000',
    );
    await expect(column('Qualification').locator('.totals').textContent()).resolves.toBe(
      '0 deals · €0',
    );
  });

  it('moves a card with the keyboard, and the Gmail panel follows', async () => {
    await openGmail();
    const card = column('Prospecting').getByRole('button', { name: /Acme: 40 seats/ });
    await card.focus();
    await board.keyboard.press('ArrowRight');
    await column('Qualification')
      .getByRole('button', { name: /Acme: 40 seats/ })
      .waitFor();
    await expect(
      board.getByRole('status').filter({ hasText: 'Moved' }).textContent(),
    ).resolves.toBe('Moved Acme: 40 seats to Qualification');
    await expect
      .poll(() => panel(gmail).getByLabel('Stage').inputValue(), { timeout: 1_500 })
      .toBe('qualification');
  });

  it('moves a card by drag and drop', async () => {
    await openGmail();
    // Where the keyboard test above leaves the card.
    await moveAcme('qualification');
    await column('Qualification')
      .getByRole('button', { name: /Acme: 40 seats/ })
      .dragTo(column('Proposal'));
    await column('Proposal')
      .getByRole('button', { name: /Acme: 40 seats/ })
      .waitFor();
    await expect
      .poll(() => panel(gmail).getByLabel('Stage').inputValue(), { timeout: 1_500 })
      .toBe('proposal');
  });

  it('opens a deal from its card: fields to edit, its timeline, its thread', async () => {
    await openGmail();
    // Where the keyboard and drag tests above leave the card.
    await moveAcme('qualification');
    await moveAcme('proposal');
    await column('Proposal')
      .getByRole('button', { name: /Acme: 40 seats/ })
      .click();
    const detail = board.getByRole('region', { name: 'Acme: 40 seats' });
    await detail.waitFor();
    await expect(
      detail
        .locator('.timeline li')
        .filter({ hasText: /Moved from|Created in/ })
        .allTextContents(),
    ).resolves.toEqual([
      expect.stringContaining('Moved from Qualification to Proposal'),
      expect.stringContaining('Moved from Prospecting to Qualification'),
      expect.stringContaining('Created in Prospecting'),
    ]);
    await expect(
      detail.getByRole('link', { name: 'Gmail thread: Pricing' }).getAttribute('href'),
    ).resolves.toBe(
      `https://mail.google.com/mail/u/maria.rep%40northwind.fi/#all/${1790123456789012345n.toString(16)}`,
    );
    // The thread's four messages are in the timeline too, once the panel has recorded them
    // (a moment after the thread is shown).
    await expect
      .poll(() => detail.locator('.timeline li').filter({ hasText: 'Email' }).count())
      .toBe(4);
    await detail.getByLabel('Deal', { exact: true }).fill('Acme: 60 seats');
    await detail.getByLabel('Deal', { exact: true }).press('Tab');
    await board.getByRole('heading', { name: 'Acme: 60 seats' }).waitFor();
    await expect
      .poll(() => panel(gmail).locator('.tl-deal .tl-title').textContent(), { timeout: 1_500 })
      .toBe('Acme: 60 seats');
    const renamed = board.getByRole('region', { name: 'Acme: 60 seats' });
    // The value as a Finnish spreadsheet would write it.
    await renamed.getByLabel('Value', { exact: true }).fill('60 000,50');
    await renamed.getByLabel('Value', { exact: true }).press('Tab');
    await expect
      .poll(() => renamed.getByLabel('Value', { exact: true }).inputValue())
      .toBe('60000.5');
    // The panel's actions are on the deal page too: log a call, close and reopen.
    await renamed.getByRole('button', { name: 'Log a touch…' }).click();
    await renamed.getByLabel('What happened').fill('Budget call with Aino');
    await renamed.getByRole('button', { name: 'Log touch', exact: true }).click();
    await renamed.locator('.timeline li').filter({ hasText: 'Budget call with Aino' }).waitFor();
    await renamed.getByRole('button', { name: 'Close deal…' }).click();
    await renamed.getByRole('button', { name: 'Close deal', exact: true }).click();
    await expect.poll(() => renamed.locator('.detail-state .cadence').textContent()).toBe('Closed');
    await expect
      .poll(() => panel(gmail).locator('.tl-deal').textContent(), { timeout: 1_500 })
      .toContain('Won');
    await renamed.getByRole('button', { name: 'Reopen deal' }).click();
    await renamed.getByRole('button', { name: 'Close deal…' }).waitFor();
    await board.getByRole('link', { name: '← Pipeline' }).click();
  });

  it('filters by search', async () => {
    await board.getByLabel('Search the pipeline').fill('globex');
    await expect(board.locator('.card').allTextContents()).resolves.toEqual([
      expect.stringContaining('Globex renewal'),
    ]);
  });
});

describe('the stage editor', () => {
  let ext: Extension;

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/thread.html' } });
  });
  afterAll(() => ext?.close());

  it('renames a stage, and the Gmail panel shows the new name', async () => {
    const dashboard = await ext.extensionPage('dashboard.html#settings');
    await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'deal.create',
        input: {
          title: 'Acme',
          stageId: 'qualification',
          links: [
            {
              kind: 'gmail-thread',
              account: 'maria.rep@northwind.fi',
              externalId: 'thread-f:1790123456789012345',
              label: '',
            },
          ],
        },
      }),
    );
    const gmail = await ext.context.newPage();
    await gmail.goto(THREAD_A);
    const stage = panel(gmail).getByLabel('Stage');
    await stage.waitFor();
    await expect(stage.locator('option:checked').textContent()).resolves.toBe('Qualification');

    await dashboard.getByLabel('Stage 2', { exact: true }).fill('Discovery call');
    await dashboard.getByRole('button', { name: 'Remove Negotiation' }).click();
    await dashboard.getByRole('button', { name: 'Save the pipeline' }).click();
    await dashboard.getByText('Saved.').waitFor();
    await expect
      .poll(() => stage.locator('option:checked').textContent(), { timeout: 3_000 })
      .toBe('Discovery call');
    await expect(stage.locator('option').allTextContents()).resolves.not.toContain('Negotiation');
  });
});

describe('a long pipeline', () => {
  let ext: Extension;
  let dashboard: Page;
  const COUNT = 120;

  beforeAll(async () => {
    ext = await startExtension();
    const page = await ext.extensionPage('dashboard.html');
    // 120 open deals in one stage, all overdue, each updated a minute after the one before.
    const deals = Array.from({ length: COUNT }, (_, i) => {
      const deal = dealRecord({
        id: `long-${i}`,
        title: `Long deal ${String(i).padStart(3, '0')}`,
        value: 1000,
        daysAgo: 6,
      });
      return { ...deal, updatedAt: deal.updatedAt + i * 60_000 };
    });
    await seedRecords(page, 'deals', deals);
    await page.close();
    dashboard = await ext.extensionPage('dashboard.html#board');
  });
  afterAll(() => ext?.close());

  it('draws the first 50 cards of a column, the latest first, and all of them on request', async () => {
    // The board, whatever view the test before it left open.
    await openView(dashboard, 'board');
    const column = dashboard.getByRole('region', { name: 'Prospecting', exact: true });
    await column.locator('.card').first().waitFor();
    await expect(column.locator('.totals').textContent()).resolves.toBe('120 deals · €120,000');
    await expect(column.locator('.card').count()).resolves.toBe(50);
    await expect(column.locator('.card-title').first().textContent()).resolves.toBe(
      'Long deal 119',
    );
    await column.getByRole('button', { name: 'Showing 50 of 120: show more' }).click();
    await expect.poll(() => column.locator('.card').count()).toBe(COUNT);
    await expect(column.locator('.card-title').last().textContent()).resolves.toBe('Long deal 000');
  });

  it('lists the first 50 overdue deals in the queue, with the full count, and the rest on request', async () => {
    await openView(dashboard, 'queue');
    const overdue = dashboard.getByRole('region', { name: 'Overdue', exact: true });
    await expect(overdue.locator('.count').textContent()).resolves.toBe('120');
    await expect(overdue.locator('li').count()).resolves.toBe(50);
    await overdue.getByRole('button', { name: 'Showing 50 of 120: show more' }).click();
    await expect.poll(() => overdue.locator('li').count()).toBe(COUNT);
  });

  it('shows the first 100 deals in the table, in the board’s order, and the rest on request', async () => {
    await openView(dashboard, 'deals');
    const table = dashboard.locator('table.deals');
    await table.locator('tbody tr').first().waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(100);
    await expect(table.locator('tbody tr td').first().textContent()).resolves.toBe('Long deal 119');
    await table.getByRole('button', { name: 'Showing 100 of 120: show more' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(COUNT);
  });
});
