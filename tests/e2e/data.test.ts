import { readFileSync } from 'node:fs';
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
import { FILE_CHUNK_CHARS, FILE_PORT } from '../../messaging/file-port';
import { dealRecord } from './seed';

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

/** A well-formed backup whose one deal has a value that is not a number, and that line. */
function backupWithBadValue(): { file: string; line: number } {
  const deal = { ...dealRecord({ id: 'bad', title: 'Bad value', daysAgo: 1 }), value: 'lots' };
  const file = JSON.stringify(
    {
      formatName: 'dexie',
      formatVersion: 1,
      data: {
        databaseName: 'threadline',
        databaseVersion: 2,
        tables: [],
        data: [{ tableName: 'deals', inbound: true, rows: [deal] }],
      },
    },
    null,
    2,
  );
  return { file, line: file.split('\n').findIndex((text) => text.includes('"value": "lots"')) + 1 };
}

describe('the rep’s data: backup and CSV', () => {
  let ext: Extension;
  let seeded: StoredState;
  let page: Page;

  beforeAll(async () => {
    ext = await startExtension();
    page = await ext.extensionPage('dashboard.html#data');
    for (const [title, email] of [
      ['Acme: 40 seats', 'aino@acme.fi'],
      ['Globex renewal', 'pekka@globex.com'],
    ]) {
      const reply = await page.evaluate(
        ([title, email]) =>
          chrome.runtime.sendMessage({
            type: 'deal.create',
            input: {
              title,
              value: 1000,
              newContacts: [{ name: 'Someone', email }],
              links: [{ kind: 'linkedin-profile', externalId: email!.split('@')[0], label: '' }],
            },
          }),
        [title, email],
      );
      const dealId = (reply as { data: { deal: { id: string } } }).data.deal.id;
      await page.evaluate(
        (dealId) =>
          chrome.runtime.sendMessage({
            type: 'touch.record',
            input: { dealId, channel: 'call', direction: 'outbound', at: Date.now() - 3_600_000 },
          }),
        dealId,
      );
    }
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the two deals above, on a new Data page.
  beforeEach(async () => {
    await restoreStored(ext, seeded);
    page = await ext.extensionPage('dashboard.html#data');
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(() => ext?.close());

  it('downloads a full backup and restores it to an identical database', async () => {
    const before = await dump(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a full backup' }).click();
    const file = await (await downloading).path();
    const backup = readFileSync(file!);

    const acme = (before.deals as { id: string; title: string }[]).find(
      (d) => d.title === 'Acme: 40 seats',
    )!;
    await page.evaluate(
      (dealId) => chrome.runtime.sendMessage({ type: 'deal.delete', dealId, confirm: true }),
      acme.id,
    );
    expect((await dump(page)).deals).toHaveLength(1);

    await page
      .getByLabel('Restore a backup…')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await page.getByText('Backup restored.').waitFor();
    expect(await dump(page)).toEqual(before);
    await openView(page, 'deals');
    await page.getByRole('row').filter({ hasText: 'Acme: 40 seats' }).waitFor();
    await openView(page, 'data');
  });

  it('refuses a malformed backup, says where, and changes nothing', async () => {
    const before = await dump(page);
    await page.getByLabel('Restore a backup…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "formatName": "dexie",\n  "data": [\n}'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^Backup refused, nothing was changed\. .*breaks on line 4/);
    expect(await dump(page)).toEqual(before);

    // Well-formed, but a deal's value is not a number: the line and the field are named.
    const { file, line } = backupWithBadValue();
    await page.getByLabel('Restore a backup…').setInputFiles({
      name: 'bad-row.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        `Backup refused, nothing was changed. Line ${line}: deals row 1, field value is not valid.`,
      );
    expect(await dump(page)).toEqual(before);
  });

  it('restores a backup larger than several chunks of the file port completely', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a full backup' }).click();
    const backup = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8'));
    // 300 deals with long notes (a rep's call notes pasted in): some 12 MB of backup.
    const deals = backup.data.data.find((t: { tableName: string }) => t.tableName === 'deals');
    for (let i = 0; i < 300; i++)
      deals.rows.push({
        ...dealRecord({ id: `long-${i}`, title: `Long notes ${i}`, daysAgo: 2 }),
        notes: `Call ${i}: ${'Budget agreed, pilot in spring, Yılmaz to confirm. '.repeat(800)}`,
      });
    const text = JSON.stringify(backup, null, 2);
    expect(text.length).toBeGreaterThan(2 * FILE_CHUNK_CHARS);
    // Every line the status shows on the way, in order.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      new MutationObserver(() => {
        const line = document.querySelector('.data .status')?.textContent;
        if (line && line !== seen.at(-1)) seen.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    await page.getByLabel('Restore a backup…').setInputFiles({
      name: 'large.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByText('Backup restored.').waitFor({ timeout: 30_000 });
    const stored = (await dump(page)).deals as { id: string; notes: string }[];
    expect(stored).toHaveLength(deals.rows.length);
    expect(stored.find((d) => d.id === 'long-299')?.notes).toBe(deals.rows.at(-1).notes);
    const statuses = await page.evaluate(
      () => (window as unknown as { statuses: string[] }).statuses,
    );
    expect(statuses.at(-1)).toBe('Backup restored.');
    expect(
      statuses.some((line) => /^Working on the file: \d+ of \d+ MB received…$/.test(line)),
    ).toBe(true);
  });

  it('refuses a malformed file over the file port whole, naming line and field, and a file cut short writes nothing', async () => {
    const before = await dump(page);
    const { file, line } = backupWithBadValue();
    // Sent as the page sends it, in chunks (here of 100 characters), straight to the worker.
    const send = (text: string, cutAfter: number | null) =>
      page.evaluate(
        ({ name, text, cutAfter }) =>
          new Promise<unknown>((resolve) => {
            const port = chrome.runtime.connect({ name });
            const chunks = text.match(/[\s\S]{1,100}/g)!;
            let next = 0;
            port.onMessage.addListener((message: { type: string }) => {
              if (message.type !== 'received') return resolve(message);
              if (next === cutAfter) {
                port.disconnect();
                return resolve('cut');
              }
              if (next < chunks.length)
                port.postMessage({ type: 'chunk', index: next, text: chunks[next++] });
              else port.postMessage({ type: 'end' });
            });
            port.postMessage({ type: 'start', file: { kind: 'backup' }, chars: text.length });
          }),
        { name: FILE_PORT, text, cutAfter },
      );

    expect(await send(file, null)).toEqual({
      type: 'backup-refused',
      problem: expect.objectContaining({
        code: 'row',
        line,
        table: 'deals',
        row: 1,
        field: 'value',
      }),
    });
    expect(await dump(page)).toEqual(before);

    // A good backup of another database: every chunk arrives, but the page closes the port
    // before it says the file is complete.
    const good = file.replace('"lots"', '1000');
    expect(await send(good, Math.ceil(good.length / 100))).toBe('cut');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await dump(page)).toEqual(before);
  });

  it('refuses a CSV with errors whole, listing line and field, and changes nothing', async () => {
    const before = await dump(page);
    const csv =
      'Deal name,Organization,Email,Value\nInitech pilot,Initech,leena@initech.fi,9500\nBad one,Initech,not-an-email,12k\n';
    await page
      .getByLabel('Import deals from CSV…')
      .setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('cell', { name: 'Initech pilot' }).waitFor();
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The file was refused, nothing was imported: 2 problems, listed below.');
    await expect(
      page.getByRole('table', { name: 'Problems in the file' }).getByRole('row').allTextContents(),
    ).resolves.toEqual([
      'LineFieldProblem',
      '3EmailNot an email addressnot-an-email',
      '3ValueNot an amount12k',
    ]);
    expect(await dump(page)).toEqual(before);
  });

  it('imports a good CSV after a preview and a column mapping, and exports it back', async () => {
    const csv =
      'Name of deal,Company,Contact email,Amount\nInitech pilot,Initech,leena@initech.fi,9500\n';
    await page
      .getByLabel('Import deals from CSV…')
      .setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page
      .getByRole('combobox', { name: 'Deal name', exact: true })
      .selectOption('Name of deal');
    await page.getByRole('combobox', { name: 'Organization', exact: true }).selectOption('Company');
    await page.getByRole('combobox', { name: 'Email', exact: true }).selectOption('Contact email');
    await page.getByRole('combobox', { name: 'Value', exact: true }).selectOption('Amount');
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.getByText('Imported 1 deal.').waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export deals as CSV' }).click();
    const exported = readFileSync((await (await downloading).path())!, 'utf8');
    expect(exported.startsWith('\uFEFF')).toBe(true);
    expect(exported.slice(1).split('\r\n')[0]).toBe(
      'Deal name,Organization,Person,Email,Value,Currency,Stage,Status,Expected close date,Owner',
    );
    expect(exported).toContain(
      'Initech pilot,Initech,,leena@initech.fi,9500,EUR,Prospecting,open,,',
    );
  });
});
