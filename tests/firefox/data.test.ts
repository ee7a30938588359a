import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ask, startFirefox, type FirefoxExtension } from './harness';
import { DAY, dealRecord, seedRecords } from '../e2e/seed';

/** Firefox's `browser` namespace, as the extension's pages have it. */
type FirefoxApi = {
  alarms: { create(name: string, info: object): void };
  notifications: { getAll(): Promise<Record<string, { title: string; message: string }>> };
  action: { getBadgeText(details: object): Promise<string> };
};
declare const browser: FirefoxApi;

/** Every record of every table, read straight from the extension's IndexedDB. */
function dump(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('threadline');
      open.onsuccess = () => resolve(open.result);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise((resolve) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    return out;
  });
}

describe('Firefox: a backup round-trip, nudges and the badge', () => {
  let ext: FirefoxExtension;
  let dashboard: Page;

  beforeAll(async () => {
    ext = await startFirefox();
    dashboard = await ext.extensionPage('dashboard.html#data');
    dashboard.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(() => ext?.close());

  it('downloads a full backup and restores it to an identical database', async () => {
    for (const [title, email] of [
      ['Acme: 40 seats', 'aino@acme.fi'],
      ['Globex renewal', 'pekka@globex.com'],
    ] as const) {
      const created = await ask<{ deal: { id: string } }>(ext, {
        type: 'deal.create',
        input: {
          title,
          value: 1000,
          newContacts: [{ name: 'Someone', email }],
          links: [{ kind: 'linkedin-profile', externalId: email.split('@')[0], label: '' }],
        },
      });
      await ask(ext, {
        type: 'touch.record',
        input: {
          dealId: created.data.deal.id,
          channel: 'call',
          direction: 'outbound',
          at: Date.now() - 3_600_000,
        },
      });
    }
    // The sync queue notes the restore's own writes; everything the rep owns must be as it was.
    const owned = async () => {
      const { syncOutbox: _queue, ...tables } = await dump(dashboard);
      return tables;
    };
    const before = await owned();
    const [download] = await dashboard.$$('xpath/.//button[text()="Download a full backup"]');
    await download!.click();
    // Firefox writes a download under a name of its own first, then renames it: wait for the
    // name the dashboard gave it, whole.
    const saved = () =>
      readdirSync(ext.downloadDir).filter((name) => /^threadline-backup-.*\.json$/.test(name));
    await expect.poll(saved).toHaveLength(1);
    const file = join(ext.downloadDir, saved()[0]!);
    await expect.poll(() => JSON.parse(readFileSync(file, 'utf8')).formatName).toBe('dexie');

    const acme = (before.deals as { id: string; title: string }[]).find(
      (deal) => deal.title === 'Acme: 40 seats',
    )!;
    await ask(ext, { type: 'deal.delete', dealId: acme.id, confirm: true });
    expect((await dump(dashboard)).deals).toHaveLength(1);

    const input = await dashboard.$('input[type=file][accept^="application/json"]');
    await input!.uploadFile(file);
    await expect
      .poll(() => dashboard.$eval('.status', (status) => status.textContent), { timeout: 10_000 })
      .toBe('Backup restored.');
    expect(await owned()).toEqual(before);
  });

  it('wakes on its alarm: one notification and one badge count for each deal left 5 days', async () => {
    const stale = dealRecord({ id: 'stale-acme', title: 'Acme: 40 seats', daysAgo: 5 });
    await seedRecords(dashboard, 'deals', [
      { ...stale, followUpCount: 2, contactIds: ['c-aino'] },
      dealRecord({ id: 'fresh', title: 'Fresh deal', daysAgo: 1 }),
      dealRecord({ id: 'stale-beta', title: 'Beta: pilot', daysAgo: 6 }),
    ]);
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
    await ext.inExtension(
      () => browser.alarms.create('threadline-due', { when: Date.now() + 50, periodInMinutes: 15 }),
      null,
    );
    const notifications = () => ext.inExtension(() => browser.notifications.getAll(), null);
    // Firefox lists each notification with its options (Chrome: with `true`).
    await expect
      .poll(async () => Object.keys(await notifications()).sort())
      .toEqual(['threadline-deal:stale-acme', 'threadline-deal:stale-beta']);
    const acme = (await notifications())['threadline-deal:stale-acme'] as { message: string };
    expect(acme.message).toMatch(/^Aino Virtanen · .+ · Follow-up 2$/);
    await expect.poll(() => ext.inExtension(() => browser.action.getBadgeText({}), null)).toBe('2');
  });
});
