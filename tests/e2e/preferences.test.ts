import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  openView,
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { THREAD_A, U0, panel } from './gmail-page';

const PROFILE = 'https://www.linkedin.com/in/aino-virtanen/';

/** The background colour an element actually paints, as [r, g, b]. */
const paintedBackground = (locator: Locator) =>
  locator.evaluate((element) =>
    getComputedStyle(element).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number),
  );
const isDark = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 100;

describe('language and theme settings', () => {
  let ext: Extension;
  let seeded: StoredState;
  let dashboard: Page;
  let gmail: Page;

  beforeAll(async () => {
    // The system asks for light; the Gmail page is in Gmail's dark theme.
    ext = await startExtension({
      pages: { [U0]: 'gmail/thread-dark.html', [PROFILE]: 'linkedin/profile.html' },
    });
    dashboard = await ext.extensionPage('dashboard.html#settings');
    await dashboard.evaluate(async () => {
      const created = await chrome.runtime.sendMessage({
        type: 'deal.create',
        input: { title: 'Globex renewal', value: 25000 },
      });
      const input = {
        dealId: created.data.deal.id,
        channel: 'call',
        direction: 'outbound',
        at: Date.now() - 2 * 86_400_000,
        note: '',
      };
      await chrome.runtime.sendMessage({ type: 'touch.record', input });
    });
    seeded = await snapshotStored(ext);
  });
  // Each test starts in the browser's language and the automatic theme, with the settings open.
  beforeEach(async () => {
    await restoreStored(ext, seeded);
    dashboard = await ext.extensionPage('dashboard.html#settings');
  });
  /** A Gmail thread showing the panel, open beside the settings. */
  const openGmail = async () => {
    gmail = await ext.context.newPage();
    await gmail.goto(THREAD_A);
    await panel(gmail).getByRole('button', { name: 'Create deal' }).waitFor();
  };
  afterAll(() => ext?.close());

  const settingsSelect = (name: RegExp) =>
    dashboard.locator('#settings').getByRole('combobox', { name });
  /** The rep picks Suomi, as the test on the dashboard does. */
  const chooseFinnish = async () => {
    await settingsSelect(/^Language/).selectOption('fi');
    await dashboard
      .getByRole('heading', { name: 'Asetukset', exact: true })
      .waitFor({ timeout: 5_000 });
  };

  it("dresses the panel in the host page's dark theme when the theme is automatic", async () => {
    await openGmail();
    expect(isDark(await paintedBackground(panel(gmail).locator('.tl-body')))).toBe(true);
    await expect(panel(gmail).getAttribute('data-theme')).resolves.toBe('dark');
  });

  it('offers each language by its own name', async () => {
    // The settings view draws once the dashboard has read them: wait for it, then compare.
    await expect
      .poll(() =>
        settingsSelect(/^Language/)
          .locator('option')
          .allTextContents(),
      )
      .toEqual(['Browser language', 'English', 'Türkçe', 'Suomi']);
    await expect
      .poll(() =>
        settingsSelect(/^Theme/)
          .locator('option')
          .allTextContents(),
      )
      .toEqual(['Automatic', 'Light', 'Dark']);
  });

  it('speaks Finnish on the dashboard as soon as Suomi is chosen, dates and money included', async () => {
    await settingsSelect(/^Language/).selectOption('fi');
    await dashboard
      .getByRole('heading', { name: 'Asetukset', exact: true })
      .waitFor({ timeout: 5_000 });
    await expect(dashboard.getByRole('link', { name: 'Seurantajono' }).count()).resolves.toBe(1);
    await expect(dashboard.locator('html').getAttribute('lang')).resolves.toBe('fi');
    await openView(dashboard, 'board');
    const prospecting = dashboard.getByRole('region', { name: 'Prospecting', exact: true });
    await expect
      .poll(() => prospecting.locator('.totals').textContent())
      .toMatch(/^1 kauppa · 25\s000\s€$/);
    await openView(dashboard, 'deals');
    await expect
      .poll(() => dashboard.locator('#deals tbody tr').first().textContent())
      .toContain('toissa päivänä');
    await openView(dashboard, 'settings');
    // The language names stay each language's own; the automatic choice is now in Finnish.
    await expect(
      settingsSelect(/^Kieli/)
        .locator('option')
        .allTextContents(),
    ).resolves.toEqual(['Selaimen kieli', 'English', 'Türkçe', 'Suomi']);
  });

  it('speaks Finnish in the open Gmail panel, and in a thread opened afterwards', async () => {
    await openGmail();
    await chooseFinnish();
    await panel(gmail).getByRole('button', { name: 'Luo kauppa' }).waitFor({ timeout: 5_000 });
    await expect(panel(gmail).getAttribute('lang')).resolves.toBe('fi');
    const fresh = await ext.context.newPage();
    await fresh.goto(THREAD_A);
    await panel(fresh).getByRole('button', { name: 'Luo kauppa' }).waitFor();
    await expect(panel(fresh).getByRole('button', { name: 'Create deal' }).count()).resolves.toBe(
      0,
    );
    await fresh.close();
  });

  it('speaks Finnish in the LinkedIn panel', async () => {
    await chooseFinnish();
    const linkedin = await ext.context.newPage();
    await linkedin.goto(PROFILE);
    await panel(linkedin).getByRole('button', { name: 'Lisää liidi' }).waitFor();
    await linkedin.close();
  });

  it('speaks Finnish in the toolbar popup', async () => {
    await chooseFinnish();
    const popup = await ext.extensionPage('popup.html');
    await popup.getByRole('heading', { name: 'Seuraa tänään' }).waitFor();
    await popup.close();
  });

  it('forces light on the panel over a dark page, and dark on the dashboard', async () => {
    await openGmail();
    await chooseFinnish();
    await settingsSelect(/^Teema/).selectOption('light');
    await expect
      .poll(() => panel(gmail).getAttribute('data-theme'), { timeout: 5_000 })
      .toBe('light');
    expect(isDark(await paintedBackground(panel(gmail).locator('.tl-body')))).toBe(false);
    expect(isDark(await paintedBackground(dashboard.locator('body')))).toBe(false);

    await settingsSelect(/^Teema/).selectOption('dark');
    await expect.poll(() => paintedBackground(dashboard.locator('body')).then(isDark)).toBe(true);
    await expect
      .poll(() => panel(gmail).getAttribute('data-theme'), { timeout: 5_000 })
      .toBe('dark');
  });

  it('goes back to the browser language and the automatic theme', async () => {
    await openGmail();
    // Finnish and the dark theme, as the tests above leave them.
    await chooseFinnish();
    await settingsSelect(/^Teema/).selectOption('dark');
    await expect.poll(() => paintedBackground(dashboard.locator('body')).then(isDark)).toBe(true);
    await panel(gmail).getByRole('button', { name: 'Luo kauppa' }).waitFor({ timeout: 5_000 });
    await settingsSelect(/^Kieli/).selectOption('auto');
    await dashboard
      .getByRole('heading', { name: 'Settings', exact: true })
      .waitFor({ timeout: 5_000 });
    await settingsSelect(/^Theme/).selectOption('auto');
    await expect.poll(() => paintedBackground(dashboard.locator('body')).then(isDark)).toBe(false);
    await panel(gmail).getByRole('button', { name: 'Create deal' }).waitFor({ timeout: 5_000 });
  });
});
