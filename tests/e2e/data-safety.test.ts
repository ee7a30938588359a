import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { seedRecords } from './seed';

// What the issue-11 audit broke or found holding, in the built extension: stored links that
// open only Gmail and LinkedIn, CSV cells a spreadsheet will not run, restores and imports that
// refuse out loud, a full disk the rep can act on, and no acknowledged write lost.

const PROFILE = 'https://www.linkedin.com/in/aino-virtanen/';
const STORAGE_FULL =
  "Your browser's storage is full, so this was not saved and nothing was changed. Free up space on this computer's disk, then try again. To keep your pipeline safe, download a full backup from Threadline's dashboard (Your data).";

/** Every record of every table, read straight from IndexedDB. */
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

/**
 * Fills the disk where `target` runs (a page or the worker): after `room` more records, every
 * write fails with the QuotaExceededError the browser raises when the profile's storage is
 * full. Returns how to empty it again.
 */
async function fillDisk(where: Page | Worker, room: number): Promise<() => Promise<void>> {
  // A page and a worker evaluate alike.
  const target = where as Pick<Page, 'evaluate'>;
  await target.evaluate((room: number) => {
    const store = IDBObjectStore.prototype as unknown as Record<string, unknown> & {
      __real?: Record<string, unknown>;
    };
    store.__real = { put: store.put, add: store.add };
    let left = room;
    for (const name of ['put', 'add'] as const) {
      const real = store.__real[name] as (...args: unknown[]) => IDBRequest;
      store[name] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (left-- <= 0)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.apply(this, args);
      };
    }
  }, room);
  return () =>
    target.evaluate(() => {
      const store = IDBObjectStore.prototype as unknown as Record<string, unknown> & {
        __real?: Record<string, unknown>;
      };
      Object.assign(store, store.__real);
      delete store.__real;
    });
}

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
const send = (page: Page, message: unknown) =>
  page.evaluate((message) => chrome.runtime.sendMessage(message), message) as Promise<Reply>;

describe('the rep’s data stays safe', () => {
  let ext: Extension;
  let seeded: StoredState;
  let page: Page;
  let acmeId: string;

  const restore = (name: string, text: string) =>
    page
      .getByLabel('Restore a backup…')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const alert = () => page.getByRole('alert').textContent({ timeout: 2_000 });
  const backupJson = async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a full backup' }).click();
    const json = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8'));
    const table = (name: string): Record<string, unknown>[] =>
      json.data.data.find((t: { tableName: string }) => t.tableName === name).rows;
    return { json, table, text: () => JSON.stringify(json, null, 2) };
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [PROFILE]: 'linkedin/profile.html' } });
    page = await ext.extensionPage('dashboard.html#data');
    page.on('dialog', (dialog) => void dialog.accept());
    const created = await send(page, {
      type: 'deal.create',
      input: {
        title: 'Acme: 40 seats',
        newContacts: [{ name: 'Aino', email: 'aino@acme.fi', linkedinUrl: PROFILE }],
        links: [
          {
            kind: 'linkedin-profile',
            externalId: 'aino-virtanen',
            url: PROFILE,
            label: 'Aino Virtanen',
          },
        ],
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    acmeId = (created.data as { deal: { id: string } }).deal.id;
    await send(page, {
      type: 'touch.record',
      input: {
        dealId: acmeId,
        channel: 'email',
        direction: 'inbound',
        at: Date.now() - 3_600_000,
        sourceKey: 'gmail:msg-f:1',
      },
    });
    await send(page, {
      type: 'deal.create',
      input: {
        title: 'Globex renewal',
        newContacts: [{ name: 'Pekka', email: 'pekka@globex.com' }],
      },
    });
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the two deals above, on a new Data page.
  beforeEach(async () => {
    await restoreStored(ext, seeded);
    page = await ext.extensionPage('dashboard.html#data');
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(() => ext?.close());

  it('refuses a link to anything but its own site, and opens a stored one only at its rebuilt address', async () => {
    for (const url of [
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(document.domain)',
      'https://evil.example/in/phish/',
    ]) {
      const reply = await send(page, {
        type: 'link.add',
        dealId: acmeId,
        link: { kind: 'linkedin-profile', externalId: 'phish', url, label: 'Phish' },
      });
      expect(reply, url).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('link.url') },
      });
    }
    // Links stored before they were checked: one with a hostile address, one whose id is not LinkedIn's.
    const stored = { dealId: acmeId, account: null, label: 'Old link', createdAt: Date.now() };
    await seedRecords(page, 'links', [
      {
        ...stored,
        key: 'linkedin-conversation:2-abc',
        kind: 'linkedin-conversation',
        externalId: '2-abc',
        url: 'data:text/html,<h1>Sign in again</h1>',
      },
      {
        ...stored,
        key: 'linkedin-conversation:../x',
        kind: 'linkedin-conversation',
        externalId: '../../x',
        url: 'javascript:alert(1)',
      },
    ]);
    const detail = await ext.extensionPage(`dashboard.html#deal/${acmeId}`);
    const region = detail.getByRole('region', { name: 'Acme: 40 seats' });
    await region.getByRole('link', { name: 'LinkedIn profile: Aino Virtanen' }).waitFor();
    const hrefs = await region
      .locator('a[target="_blank"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual([PROFILE, 'https://www.linkedin.com/messaging/thread/2-abc/']);
    // The one with no address of its site is named, not linked.
    await expect(region.getByText('LinkedIn conversation: Old link').count()).resolves.toBe(2);
    await detail.close();

    // Opening the deal (popup, queue, a nudge) opens the conversation at its rebuilt address.
    const opening = ext.context.waitForEvent('page');
    await send(page, { type: 'deal.open', dealId: acmeId });
    const opened = await opening;
    await opened.waitForURL(/^https:/);
    expect(opened.url()).toBe('https://www.linkedin.com/messaging/thread/2-abc/');
    await opened.close();
    for (const key of ['linkedin-conversation:2-abc', 'linkedin-conversation:../x'])
      await send(page, { type: 'link.remove', key });
  });

  it('exports no cell a spreadsheet would run, and imports the file back to the same text', async () => {
    const title = '=HYPERLINK("https://evil.example/x","Invoice")';
    const created = await send(page, {
      type: 'deal.create',
      input: {
        title,
        company: '@SUM(A1:A9)',
        newContacts: [{ name: '+1 555 0100', email: 'hyper@initech.fi' }],
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export deals as CSV' }).click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8');
    expect(csv).toContain(
      `"'=HYPERLINK(""https://evil.example/x"",""Invoice"")",'@SUM(A1:A9),'+1 555 0100,hyper@initech.fi`,
    );
    expect(
      Papa.parse<string[]>(csv.slice(1))
        .data.flat()
        .filter((cell) => /^[=+\-@\t\r]/.test(cell)),
    ).toEqual([]);

    await send(page, {
      type: 'deal.delete',
      dealId: (created.data as { deal: { id: string } }).deal.id,
      confirm: true,
    });
    const only = csv
      .split('\r\n')
      .filter((line, i) => i === 0 || line.includes('HYPERLINK'))
      .join('\r\n');
    await page
      .getByLabel('Import deals from CSV…')
      .setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(only) });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.getByText('Imported 1 deal.').waitFor();
    const deals = (await dump(page)).deals as { title: string; company: string }[];
    expect(deals.filter((d) => d.title === title)).toEqual([
      expect.objectContaining({ title, company: '@SUM(A1:A9)' }),
    ]);
  });

  it('refuses a backup whose rows repeat a unique key, naming line, table and field, and changes nothing', async () => {
    const before = await dump(page);
    const cases: [string, (b: Awaited<ReturnType<typeof backupJson>>) => void, RegExp][] = [
      [
        'touches',
        (b) => b.table('touches').push({ ...b.table('touches')[0], id: 'touch-copy' }),
        /^Backup refused, nothing was changed\. Line \d+: touches row 2, field sourceKey has the same value as row 1, and it must be unique\.$/,
      ],
      [
        'deals',
        (b) => b.table('deals').push({ ...b.table('deals')[0], title: 'Same id' }),
        /^Backup refused, nothing was changed\. Line \d+: deals row \d+, field id has the same value as row 1, and it must be unique\.$/,
      ],
      [
        'contacts',
        (b) => b.table('contacts').forEach((contact) => (contact.linkedinUrl = PROFILE)),
        /^Backup refused, nothing was changed\. Line \d+: contacts row 2, field linkedinUrl has the same value as row 1, and it must be unique\.$/,
      ],
    ];
    for (const [table, edit, message] of cases) {
      const backup = await backupJson();
      edit(backup);
      await restore(`${table}.json`, backup.text());
      await expect.poll(alert, { message: table }).toMatch(message);
      expect(await dump(page)).toEqual(before);
    }
  });

  it('refuses a backup from a newer version, naming it, and changes nothing', async () => {
    const before = await dump(page);
    const newer = await backupJson();
    newer.json.data.databaseVersion = 99;
    await restore('newer.json', newer.text());
    await expect
      .poll(alert)
      .toMatch(
        /^Backup refused, nothing was changed\. This backup comes from a newer version of Threadline \(database version 99; this one reads up to \d+\)\. Update Threadline, then restore it\.$/,
      );
    const unknown = await backupJson();
    unknown.table('deals')[0]!.priority = 'high';
    await restore('unknown.json', unknown.text());
    await expect
      .poll(alert)
      .toMatch(
        /^Backup refused, nothing was changed\. Line \d+: deals row 1 has a field this version of Threadline does not know: priority\./,
      );
    expect(await dump(page)).toEqual(before);
  });

  it('says what to do when the disk is full, restoring and importing nothing', async () => {
    const backup = (await backupJson()).text();
    // Restoring must take a deal away and bring one back.
    await send(page, { type: 'deal.create', input: { title: 'Made after the backup' } });
    const globex = ((await dump(page)).deals as { id: string; title: string }[]).find(
      (d) => d.title === 'Globex renewal',
    )!;
    await send(page, { type: 'deal.delete', dealId: globex.id, confirm: true });
    const before = await dump(page);

    // The worker writes what "Your data" hands it: its disk is the one that is full.
    const worker = () => ext.context.serviceWorkers()[0] ?? ext.worker;
    let emptyDisk = await fillDisk(worker(), 0);
    await restore('backup.json', backup);
    await expect
      .poll(alert)
      .toBe(`The backup was not restored, nothing was changed. ${STORAGE_FULL}`);
    await emptyDisk();
    expect(await dump(page)).toEqual(before);

    emptyDisk = await fillDisk(worker(), 3);
    await page.getByLabel('Import deals from CSV…').setInputFiles({
      name: 'deals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Deal name,Email\nInitech pilot,leena@initech.fi\nUmbrella,ada@umbrella.com\n',
      ),
    });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect
      .poll(alert)
      .toBe(`The file was not imported, nothing was changed. ${STORAGE_FULL}`);
    await emptyDisk();
    expect(await dump(page)).toEqual(before);
  });

  it('tells a panel the disk is full in words the rep can act on, and half-writes nothing', async () => {
    const before = await dump(page);
    const emptyDisk = await fillDisk(ext.context.serviceWorkers()[0] ?? ext.worker, 2);
    const reply = await send(page, {
      type: 'deal.create',
      input: {
        title: 'Umbrella',
        newContacts: [{ name: 'Ada', email: 'ada@umbrella.com' }],
        links: [{ kind: 'linkedin-profile', externalId: 'ada-umbrella', label: '' }],
      },
    });
    await emptyDisk();
    expect(reply).toEqual({ ok: false, error: { code: 'storage-full', message: STORAGE_FULL } });
    expect(await dump(page)).toEqual(before);
  });
});

describe('writes that hold under load', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await startExtension();
  });
  afterAll(() => ext?.close());

  const record = (page: Page, dealId: string, keys: string[]) =>
    page.evaluate(
      ({ dealId, keys }) =>
        Promise.all(
          keys.map((key, i) =>
            chrome.runtime
              .sendMessage({
                type: 'touch.record',
                input: {
                  dealId,
                  channel: 'email',
                  direction: i % 2 ? 'inbound' : 'outbound',
                  at: 1_790_000_000_000 + Number(key.slice(4)) * 60_000,
                  sourceKey: key,
                },
              })
              .then(
                (reply: { ok?: boolean } | undefined) => {
                  const w = window as unknown as { acked?: number };
                  if (reply?.ok) w.acked = (w.acked ?? 0) + 1;
                  return reply?.ok ? key : null;
                },
                () => null,
              ),
          ),
        ),
      { dealId, keys },
    );

  it('stores each message once when two tabs record the same 300 at once', async () => {
    const [a, b] = [await ext.extensionPage('popup.html'), await ext.extensionPage('popup.html')];
    const created = await send(a!, { type: 'deal.create', input: { title: 'Two tabs' } });
    if (!created.ok) throw new Error(created.error.message);
    const dealId = (created.data as { deal: { id: string } }).deal.id;
    const keys = Array.from({ length: 300 }, (_, i) => `key-${i}`);
    const acked = await Promise.all([
      record(a!, dealId, keys),
      record(b!, dealId, [...keys].reverse()),
    ]);
    expect(acked.flat().filter(Boolean)).toHaveLength(600);
    const touches = ((await dump(a!)).touches as { dealId: string; sourceKey: string }[]).filter(
      (t) => t.dealId === dealId,
    );
    expect(touches).toHaveLength(300);
    expect(new Set(touches.map((t) => t.sourceKey)).size).toBe(300);
    const deal = ((await dump(a!)).deals as { id: string; touchCount: number }[]).find(
      (d) => d.id === dealId,
    );
    expect(deal?.touchCount).toBe(300);
  });

  it('loses no acknowledged write when the worker is stopped mid-burst, and a retry counts nothing twice', async () => {
    const page = await ext.extensionPage('popup.html');
    const created = await send(page, { type: 'deal.create', input: { title: 'Burst' } });
    if (!created.ok) throw new Error(created.error.message);
    const dealId = (created.data as { deal: { id: string } }).deal.id;
    // Enough messages that the burst is still going when the worker stops, on a fast machine too.
    const keys = Array.from({ length: 1000 }, (_, i) => `msg-${i}`);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const burst = record(page, dealId, keys);
    // Stop the worker once some writes have been acknowledged, as the browser does to an idle one.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { acked?: number }).acked ?? 0), {
        interval: 1,
        // A thousand requests arrive at once: on a loaded machine the first answers take a while.
        timeout: 20_000,
      })
      .toBeGreaterThan(5);
    await cdp.send('ServiceWorker.stopAllWorkers');
    const acked = (await burst).filter((key): key is string => key !== null);
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.length).toBeLessThan(keys.length);

    const stored = () =>
      dump(page).then((all) =>
        (all.touches as { dealId: string; sourceKey: string }[])
          .filter((t) => t.dealId === dealId)
          .map((t) => t.sourceKey),
      );
    expect(await stored()).toEqual(expect.arrayContaining(acked));
    // The panel sends what was not acknowledged again, until the worker is back (one still
    // stopping refuses the first tries); the woken worker counts each message once.
    let unacknowledged = keys.filter((key) => !acked.includes(key));
    for (let tries = 0; unacknowledged.length > 0 && tries < 5; tries++) {
      const retried = await record(page, dealId, unacknowledged);
      unacknowledged = unacknowledged.filter((_, i) => retried[i] === null);
    }
    expect(unacknowledged).toEqual([]);
    const all = await stored();
    expect(all).toHaveLength(keys.length);
    expect(new Set(all).size).toBe(keys.length);
    const deal = ((await dump(page)).deals as { id: string; touchCount: number }[]).find(
      (d) => d.id === dealId,
    );
    expect(deal?.touchCount).toBe(keys.length);
  });
});
