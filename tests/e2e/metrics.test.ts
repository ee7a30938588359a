import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  averageDealSize,
  averageSalesCycleDays,
  salesVelocity,
  winRate,
} from '../../domain/metrics';
import type { Deal } from '../../storage/schemas';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { DAY, dealRecord, seedRecords } from './seed';

describe('pipeline health in the dashboard', () => {
  let ext: Extension;
  let seeded: StoredState;
  const deals: Deal[] = [];

  beforeAll(async () => {
    ext = await startExtension();
    const now = Date.now();
    const closed = (
      id: string,
      status: Deal['status'],
      value: number,
      createdDaysAgo: number,
      closedDaysAgo: number,
    ): Deal => ({
      ...dealRecord({ id, title: id, value, stageId: 'closing', daysAgo: createdDaysAgo }),
      status,
      closedAt: now - closedDaysAgo * DAY,
    });
    deals.push(
      closed('won-a', 'won', 10_000, 60, 20),
      closed('won-b', 'won', 30_000, 50, 5),
      closed('lost-a', 'lost', 8_000, 40, 30),
      dealRecord({ id: 'open-a', title: 'open-a', value: 5_000, daysAgo: 2 }),
      dealRecord({ id: 'open-b', title: 'open-b', value: 7_000, stageId: 'proposal', daysAgo: 3 }),
    );
    const page = await ext.extensionPage('dashboard.html');
    await seedRecords(page, 'deals', deals);
    await page.close();
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the five deals above: none closed in another tab yet.
  beforeEach(() => restoreStored(ext, seeded));
  afterAll(() => ext?.close());
  const euros = (n: number) =>
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(n);

  it('shows exactly the numbers the sales rules compute', async () => {
    const dashboard = await ext.extensionPage('dashboard.html#metrics');
    const tile = (name: string) =>
      dashboard.locator('.tiles div').filter({ hasText: name }).locator('dd');
    await expect
      .poll(() => tile('Win rate').textContent())
      .toBe(`${Math.round(winRate(deals)! * 100)}%`);
    expect(winRate(deals)).toBeCloseTo(2 / 3);
    await expect(tile('Average deal size').textContent()).resolves.toBe(
      euros(averageDealSize(deals)!),
    );
    await expect(tile('Average sales cycle').textContent()).resolves.toBe(
      `${averageSalesCycleDays(deals)!.toFixed(1)} days`,
    );
    await expect(tile('Sales velocity').textContent()).resolves.toBe(
      `${euros(salesVelocity(deals)!)} a day`,
    );
    const perStage = dashboard.getByRole('table', { name: 'Deals and value per stage' });
    await expect(perStage.getByRole('row', { name: /^Proposal/ }).textContent()).resolves.toBe(
      `Proposal1${euros(7_000)}`,
    );
  });

  it('keeps its figures until their data changes, and follows deals closed in another tab', async () => {
    const dashboard = await ext.extensionPage('dashboard.html#metrics');
    const tile = (name: string) =>
      dashboard.locator('.tiles div').filter({ hasText: name }).locator('dd');
    const perStage = dashboard.getByRole('table', { name: 'Deals and value per stage' });
    await expect.poll(() => tile('Win rate').textContent()).toBe('67%');
    // Leaving the metrics and coming back reuses what was read: the same figures at once.
    await dashboard.evaluate(() => (location.hash = '#board'));
    await dashboard.locator('.column').first().waitFor();
    await dashboard.evaluate(() => (location.hash = '#metrics'));
    await expect(tile('Win rate').textContent()).resolves.toBe('67%');

    const other = await ext.extensionPage('dashboard.html#board');
    const send = (message: object) => other.evaluate((m) => chrome.runtime.sendMessage(m), message);
    await send({ type: 'deal.close', input: { dealId: 'open-a', status: 'won' } });
    await expect.poll(() => tile('Win rate').textContent(), { timeout: 3_000 }).toBe('75%');
    await send({ type: 'deal.close', input: { dealId: 'open-b', status: 'lost' } });
    await expect.poll(() => tile('Win rate').textContent(), { timeout: 3_000 }).toBe('60%');
    await expect
      .poll(() => perStage.getByRole('row', { name: /^Proposal/ }).textContent(), {
        timeout: 3_000,
      })
      .toBe(`Proposal0${euros(0)}`);
    await other.close();
    await dashboard.close();
  });
});
