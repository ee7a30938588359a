import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { THREAD_A, U0, panel } from './gmail-page';

describe('Threadline in Turkish', () => {
  let ext: Extension;
  let fresh: StoredState;

  beforeAll(async () => {
    ext = await startExtension({ language: 'tr', pages: { [U0]: 'gmail/thread-tr.html' } });
    fresh = await snapshotStored(ext);
  });
  // Each test starts from a freshly installed extension, with no deal.
  beforeEach(() => restoreStored(ext, fresh));
  afterAll(() => ext?.close());

  it('speaks Turkish in the Gmail panel, with the default pipeline in Turkish', async () => {
    const page = await ext.context.newPage();
    await page.goto(THREAD_A);
    const p = panel(page);
    await p.getByRole('button', { name: 'Fırsat oluştur' }).click();
    await p.getByRole('button', { name: 'Fırsatı kaydet' }).click();
    await expect
      .poll(() => p.getByLabel('Aşama').locator('option:checked').textContent())
      .toBe('Araştırma');
    await expect(p.getByText('Kimin onay verdiğini sorun').count()).resolves.toBe(1);
    await expect(p.locator('.tl-follow-ups').textContent()).resolves.toBe('Takip 0');
    await expect
      .poll(() => p.locator('.tl-last-touch').textContent())
      .toMatch(/^Son temas: .*önce$/);
  });

  it('speaks Turkish on the dashboard', async () => {
    const dashboard = await ext.extensionPage('dashboard.html#board');
    // One deal in the first stage, as the rep creates in the Gmail panel above.
    await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'deal.create', input: { title: 'Ödeme koşulları' } }),
    );
    await dashboard.getByRole('heading', { name: 'Satış hattı', exact: true }).waitFor();
    await expect(dashboard.getByRole('link', { name: 'Takip sırası' }).count()).resolves.toBe(1);
    await expect(
      dashboard
        .getByRole('region', { name: 'Araştırma', exact: true })
        .locator('.totals')
        .textContent(),
    ).resolves.toMatch(/^1 fırsat · /);
  });
});
