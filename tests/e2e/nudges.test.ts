import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { DAY, dealRecord, runDueCheck, seedRecords } from './seed';

describe('nudges', () => {
  let ext: Extension;
  let seeded: StoredState;
  let dashboard: Page;
  const notifications = () =>
    ext.inWorker(() => chrome.notifications.getAll(), null) as Promise<Record<string, boolean>>;
  const badge = () => ext.inWorker(() => chrome.action.getBadgeText({}), null);

  beforeAll(async () => {
    ext = await startExtension();
    dashboard = await ext.extensionPage('dashboard.html');
    const stale = dealRecord({ id: 'stale-acme', title: 'Acme: 40 seats', daysAgo: 5 });
    await seedRecords(dashboard, 'deals', [{ ...stale, followUpCount: 2, contactIds: ['c-aino'] }]);
    await seedRecords(dashboard, 'contacts', [
      {
        id: 'c-aino',
        name: 'Aino Virtanen',
        email: 'aino@acme.fi',
        company: 'Acme',
        headline: '',
        location: '',
        linkedinUrl: null,
        createdAt: Date.now() - 9 * DAY,
      },
    ]);
    await seedRecords(dashboard, 'deals', [
      dealRecord({ id: 'fresh', title: 'Fresh deal', daysAgo: 1 }),
      dealRecord({ id: 'stale-beta', title: 'Beta: pilot', daysAgo: 6 }),
    ]);
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the three deals above, with nothing nudged yet and no badge.
  beforeEach(async () => {
    await restoreStored(ext, seeded);
    await ext.inWorker(async () => {
      const shown = await chrome.notifications.getAll();
      await Promise.all(Object.keys(shown).map((id) => chrome.notifications.clear(id)));
      await chrome.action.setBadgeText({ text: '' });
    }, null);
    dashboard = await ext.extensionPage('dashboard.html');
  });
  afterAll(() => ext?.close());

  /** The due check has run once today and nudged both stale deals. */
  const nudgedOnce = async () => {
    await runDueCheck(ext.worker);
    await expect
      .poll(notifications)
      .toEqual({ 'threadline-deal:stale-acme': true, 'threadline-deal:stale-beta': true });
    await expect.poll(badge).toBe('2');
  };

  it('raises one notification and one badge count for each deal left 5 days', async () => {
    await runDueCheck(ext.worker);
    await expect
      .poll(notifications)
      .toEqual({ 'threadline-deal:stale-acme': true, 'threadline-deal:stale-beta': true });
    await expect.poll(badge).toBe('2');
  });

  it('does not nudge the same deal twice in a day, remembering it in extension storage', async () => {
    // The first due check of the day, as the test above runs it.
    await nudgedOnce();
    await ext.inWorker(() => chrome.notifications.clear('threadline-deal:stale-acme'), null);
    await runDueCheck(ext.worker);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await expect(notifications()).resolves.toEqual({ 'threadline-deal:stale-beta': true });
    const nudged = await ext.inWorker(() => chrome.storage.local.get('nudgedOn'), null);
    expect(Object.keys((nudged as { nudgedOn: Record<string, string> }).nudgedOn).sort()).toEqual([
      'stale-acme',
      'stale-beta',
    ]);
  });

  it('takes a snoozed deal off the badge and its notification away', async () => {
    await nudgedOnce();
    await ext.inWorker(() => chrome.notifications.clear('threadline-deal:stale-acme'), null);
    await dashboard.evaluate(
      (until) => chrome.runtime.sendMessage({ type: 'deal.snooze', dealId: 'stale-beta', until }),
      Date.now() + 3 * DAY,
    );
    await expect.poll(badge).toBe('1');
    await expect.poll(notifications).toEqual({});
  });
});

describe('nudges after the worker was stopped', () => {
  let ext: Extension;
  afterAll(() => ext?.close());

  it('wakes on its alarm and nudges', async () => {
    ext = await startExtension();
    const page = await ext.extensionPage('dashboard.html');
    await seedRecords(page, 'deals', [
      dealRecord({ id: 'quiet', title: 'Quiet deal', daysAgo: 5 }),
    ]);
    await ext.inWorker(
      () =>
        chrome.alarms.create('threadline-due', { when: Date.now() + 3_000, periodInMinutes: 15 }),
      null,
    );
    // Chromium stops idle workers after 30 seconds; stop this one now.
    const cdp = await ext.context.newCDPSession(page);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
      states.push(...versions.map((v) => v.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => states.at(-1)).toBe('stopped');
    expect(await page.evaluate(() => chrome.notifications.getAll())).toEqual({});
    await expect
      .poll(() => page.evaluate(() => chrome.notifications.getAll()), { timeout: 15_000 })
      .toEqual({ 'threadline-deal:quiet': true });
    expect(states.slice(states.lastIndexOf('stopped'))).toContain('running');
  });
});

describe('the toolbar popup', () => {
  let ext: Extension;
  let seeded: StoredState;

  beforeAll(async () => {
    ext = await startExtension();
    const page = await ext.extensionPage('dashboard.html');
    await seedRecords(page, 'deals', [
      dealRecord({ id: 'due-1', title: 'Due deal', daysAgo: 3.5 }),
      dealRecord({ id: 'overdue-1', title: 'Overdue deal', daysAgo: 8 }),
      dealRecord({ id: 'overdue-2', title: 'Less overdue deal', daysAgo: 6 }),
      dealRecord({ id: 'fine', title: 'Fine deal', daysAgo: 1 }),
    ]);
    await page.close();
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the four deals above: none snoozed or done yet.
  beforeEach(() => restoreStored(ext, seeded));
  afterAll(() => ext?.close());

  it('groups the dashboard’s follow-up queue into overdue, due today and due this week', async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    const group = (name: string) =>
      dashboard.getByRole('region', { name, exact: true }).locator('.title');
    await expect
      .poll(() => group('Overdue').allTextContents())
      .toEqual(['Overdue deal', 'Less overdue deal']);
    await expect(group('Due today').allTextContents()).resolves.toEqual(['Due deal']);
    await expect(group('Due this week').allTextContents()).resolves.toEqual(['Fine deal']);
    await expect(
      dashboard
        .getByRole('region', { name: 'Overdue', exact: true })
        .locator('li')
        .first()
        .textContent(),
    ).resolves.toContain('Your turn to reply');
    await dashboard.close();
  });

  it('lists overdue then due deals, most urgent first, with snooze and done at hand', async () => {
    const popup = await ext.extensionPage('popup.html');
    const items = popup.locator('.due-item .title');
    await expect
      .poll(() => items.allTextContents())
      .toEqual(['Overdue deal', 'Less overdue deal', 'Due deal']);
    await popup
      .locator('.due-item', { hasText: 'Due deal' })
      .filter({ hasNotText: 'overdue' })
      .getByRole('button', { name: '1 d' })
      .click();
    await expect.poll(() => items.allTextContents()).toEqual(['Overdue deal', 'Less overdue deal']);
    await popup
      .locator('.due-item', { hasText: 'Less overdue deal' })
      .getByRole('button', { name: 'Done' })
      .click();
    await expect.poll(() => items.allTextContents()).toEqual(['Overdue deal']);
  });
});
