import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { dealRecord, runDueCheck, seedRecords } from './seed';

describe('the built extension in Chromium', () => {
  let ext: Extension;
  let dashboard: Page;

  beforeAll(async () => {
    ext = await startExtension({
      pages: { 'https://mail.google.com/mail/u/0/': 'smoke/blank.html' },
    });
    dashboard = await ext.extensionPage('dashboard.html#deals');
  });
  afterAll(() => ext?.close());

  it('starts its service worker, which answers a request', async () => {
    const reply = await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    expect(reply).toEqual({
      ok: true,
      data: { version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
    });
    const bad = await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'deal.explode' }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'malformed' } });
    // The worker survived the bad request.
    expect(
      await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' })),
    ).toMatchObject({ ok: true });
  });

  it('shows a deal created through the worker on the dashboard, live', async () => {
    // The dashboard draws after its script loads: wait for it, then there is one heading.
    const heading = dashboard.getByRole('heading', { name: 'Threadline' });
    await heading.first().waitFor();
    await expect(heading.count()).resolves.toBe(1);
    const reply = await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'deal.create',
        input: {
          title: 'Acme: 40 seats',
          company: 'Acme Oy',
          value: 12000,
          newContacts: [{ name: 'Aino Virtanen', email: 'aino@acme.fi' }],
        },
      }),
    );
    expect(reply).toMatchObject({
      ok: true,
      data: { stageName: 'Prospecting', cadence: { state: 'on-track' } },
    });
    const row = dashboard.getByRole('row').filter({ hasText: 'Acme: 40 seats' });
    await row.waitFor({ timeout: 5_000 });
    await expect(row.textContent()).resolves.toMatch(/Acme Oy.*Prospecting.*On track/);
  });

  it('counts a deal left 4 days without movement on the toolbar badge', async () => {
    await seedRecords(dashboard, 'deals', [
      dealRecord({ id: 'stale-1', title: 'Globex pilot', daysAgo: 4 }),
    ]);
    await runDueCheck(ext.worker);
    const badge = async () => ext.inWorker(() => chrome.action.getBadgeText({}), null);
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');
    await dashboard.reload();
    await expect(
      dashboard.getByRole('row').filter({ hasText: 'Globex pilot' }).textContent(),
    ).resolves.toContain('Due');
  });

  it('tells a subscribed panel that the pipeline changed', async () => {
    const notice = await dashboard.evaluate(
      () =>
        new Promise((resolve) => {
          const port = chrome.runtime.connect({ name: 'threadline-changes' });
          port.onMessage.addListener((message) => {
            port.disconnect();
            resolve(message);
          });
          setTimeout(
            () =>
              chrome.runtime.sendMessage({ type: 'deal.create', input: { title: 'Port check' } }),
            100,
          );
          setTimeout(() => resolve('no notice'), 5_000);
        }),
    );
    expect(notice).toEqual({ type: 'changed' });
  });

  it('answers requests for the sites from fixture pages, with no network', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await expect(page.title()).resolves.toBe('Smoke fixture');
    const elsewhere = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(elsewhere).toBe('blocked');
    await page.close();
  });
});
