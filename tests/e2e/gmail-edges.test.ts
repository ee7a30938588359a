import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { THREAD_A, U0, gmailSends, panel } from './gmail-page';
import { panelRoot } from './panel-access';

const U1 = 'https://mail.google.com/mail/u/1/';

describe('Gmail: pages that are not the usual thread', () => {
  let ext: Extension;
  let fresh: StoredState;
  let pageErrors: string[] = [];
  let warnings: string[] = [];

  const open = async (url: string, fixture: string): Promise<Page> => {
    ext.pages[new URL(url).origin + new URL(url).pathname] = fixture;
    const page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on(
      'console',
      (m) => m.type() === 'warning' && m.text().startsWith('Threadline') && warnings.push(m.text()),
    );
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    ext = await startExtension();
    fresh = await snapshotStored(ext);
  });
  // Each test starts from a freshly installed extension: no deal, the panel unfolded, no tab.
  beforeEach(async () => {
    await restoreStored(ext, fresh);
    pageErrors = [];
    warnings = [];
  });
  afterEach(() => expect(pageErrors).toEqual([]));
  afterAll(() => ext?.close());

  it('shows hostile subjects and names as plain text', async () => {
    const page = await open(`${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkF`, 'gmail/hostile.html');
    const p = panel(page);
    const heading = p.getByRole('heading', { level: 2 });
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toBe(
      "<img src=x onerror=alert(1)><script>alert('xss')</script> Ödeme & “terms”",
    );
    const people = await p.getByRole('list', { name: 'People on this thread' }).textContent();
    expect(people).toContain('مريم الأحمد');
    expect(people).toContain('A'.repeat(10_000));
    // Nothing inside the panel became markup.
    await expect(panelRoot(page).locator('img, script, svg').count()).resolves.toBe(0);
    // The long name does not push the panel wider than its column.
    const box = await p.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    // Creating a deal keeps the hostile subject as its title, verbatim.
    await p.getByRole('button', { name: 'Create deal' }).click();
    await expect(p.getByLabel('Deal', { exact: true }).inputValue()).resolves.toBe(
      "<img src=x onerror=alert(1)><script>alert('xss')</script> Ödeme & “terms”",
    );
    await page.close();
  });

  it('says quietly that it cannot read a changed page, and still links it by hand', async () => {
    const page = await open(THREAD_A, 'gmail/not-gmail.html');
    const p = panel(page);
    await p.getByText("Threadline can't read this thread").waitFor({ timeout: 6_000 });
    await expect(p.getByLabel('Link to deal').count()).resolves.toBe(1);
    expect(warnings).toEqual([
      'Threadline: cannot read this Gmail page (no subject found). The panel offers linking by hand.',
    ]);
    await page.close();
  });

  it('keeps the second account’s threads apart, keyed by its address', async () => {
    const page = await open(`${U1}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH`, 'gmail/account-1.html');
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await expect(p.getByLabel('Company').inputValue()).resolves.toBe('Anadolu Lojistik');
    await p.getByRole('button', { name: 'Save deal' }).click();
    await p.getByLabel('Stage').waitFor();
    const links = await page
      .evaluate(() => 0)
      .then(async () => {
        const dashboard = await ext.extensionPage('dashboard.html');
        const reply = await dashboard.evaluate(() =>
          chrome.runtime.sendMessage({
            type: 'deal.forKey',
            key: 'gmail:maria@rep-consulting.com:thread-f:1790999999000000001',
          }),
        );
        await dashboard.close();
        return reply;
      });
    expect(links).toMatchObject({
      ok: true,
      data: { deal: { title: 'Workshop follow-up', company: 'Anadolu Lojistik' } },
    });
    await page.close();
  });

  it('notices a send in Turkish Gmail, where the button says “Gönder”', async () => {
    const page = await open(THREAD_A, 'gmail/thread-tr.html');
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p.getByRole('button', { name: 'Save deal' }).click();
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 0');
    await page.locator('div[g_editable=true]').focus();
    await page.keyboard.press('Control+Enter');
    await gmailSends(page);
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 1');
    await page.close();
  });

  it('docks in the reading pane too, folds to a tab, and remembers that', async () => {
    const page = await open(THREAD_A, 'gmail/reading-pane.html');
    const p = panel(page);
    const subject = p.getByRole('heading', { name: /Pricing for 40 seats/ });
    await subject.waitFor();
    // Docked beside the thread, clear of Gmail's side-panel strip on the far right.
    const strip = await page.locator('.brC-aT').boundingBox();
    const box = await p.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(strip!.x);
    await p.getByRole('button', { name: 'Fold the panel' }).click();
    await expect(subject.count()).resolves.toBe(0);
    await page.reload();
    await p.getByRole('button', { name: 'Show the panel' }).waitFor();
    await expect(subject.count()).resolves.toBe(0);
    // The keyboard command reaches the active tab through the worker and unfolds it.
    await page.bringToFront();
    await ext.inWorker(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'panel.toggle' });
    }, null);
    await subject.waitFor();
    await page.close();
  });

  it('never let an error reach Gmail’s page', async () => {
    // The hostile thread and the Turkish one, each with its panel drawn.
    const hostile = await open(
      `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkF`,
      'gmail/hostile.html',
    );
    await panel(hostile).getByRole('button', { name: 'Create deal' }).waitFor();
    const turkish = await open(THREAD_A, 'gmail/thread-tr.html');
    await panel(turkish).getByRole('button', { name: 'Create deal' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
