import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataPanel } from '../../../components/dashboard/DataPanel';
import { setCatalog } from '../../../i18n/i18n';
import { formatMessage, type MessageCatalog } from '../../../i18n/message-catalog';
import { exportBackup } from '../../../storage/backup';
import { createDeal } from '../../../storage/deals';
import { recordTouch } from '../../../storage/touches';
import { fullingStore, testStore } from '../storage/test-store';
import { routeFilePortTo } from './route-file-port';

const catalog = (lang: 'en' | 'tr' | 'fi'): MessageCatalog =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const say = (lang: 'en' | 'tr' | 'fi', key: string, substitutions?: string | string[]) => {
  const text = formatMessage(catalog(lang), key, substitutions);
  expect(text, `${lang} ${key}`).toBeDefined();
  return text!;
};

async function everything(ctx: ReturnType<typeof testStore>) {
  const { db } = ctx;
  return Promise.all(db.tables.map((table) => table.toArray()));
}

async function seeded(ctx: ReturnType<typeof testStore>) {
  const deal = await createDeal(ctx, {
    title: 'Acme: 40 seats',
    newContacts: [{ name: 'Aino', email: 'aino@acme.fi' }],
  });
  await recordTouch(ctx, {
    dealId: deal.id,
    channel: 'email',
    direction: 'inbound',
    at: ctx.now(),
    sourceKey: 'gmail:m1',
  });
  return deal;
}

/** Hands the panel a file as the rep's file picker does. */
function pick(input: HTMLElement, name: string, text: string) {
  const file = new File([text], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('Your data: every failed restore or import says so in the rep’s language', () => {
  beforeEach(() => {
    vi.stubGlobal('confirm', () => true);
  });
  afterEach(() => {
    cleanup();
    setCatalog(null);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('says in Finnish that the disk is full and what to do, and restores nothing', async () => {
    setCatalog(catalog('fi'));
    const ctx = fullingStore();
    await seeded(ctx);
    const backup = await (await exportBackup(ctx)).text();
    await createDeal(ctx, { title: 'Made after the backup' });
    const before = await everything(ctx);
    ctx.disk.room = 2;
    routeFilePortTo(ctx);
    const { getByLabelText, findByRole } = render(<DataPanel ctx={ctx} />);
    pick(getByLabelText(say('fi', 'backup_import')), 'backup.json', backup);
    expect((await findByRole('alert')).textContent).toBe(
      say('fi', 'restore_failed', say('fi', 'storage_full')),
    );
    ctx.disk.room = Infinity;
    expect(await everything(ctx)).toEqual(before);
  });

  it('says in Turkish that a failure nobody expected changed nothing', async () => {
    setCatalog(catalog('tr'));
    const ctx = testStore();
    await seeded(ctx);
    const backup = await (await exportBackup(ctx)).text();
    const before = await everything(ctx);
    // Something no check foresees goes wrong while the backup is written.
    ctx.db.use({
      stack: 'dbcore',
      name: 'broken',
      create: (down) => ({
        ...down,
        table: (name) => ({
          ...down.table(name),
          mutate: () => Promise.reject(new TypeError('boom')),
        }),
      }),
    });
    ctx.db.close({ disableAutoOpen: false });
    routeFilePortTo(ctx);
    const { getByLabelText, findByRole } = render(<DataPanel ctx={ctx} />);
    pick(
      getByLabelText(say('tr', 'backup_import')),
      'backup.json',
      backup.replace('Acme: 40 seats', 'Acme: 41 seats'),
    );
    expect((await findByRole('alert')).textContent).toBe(
      say('tr', 'restore_failed', say('tr', 'failure_unexpected', 'TypeError')),
    );
    ctx.db.unuse({ stack: 'dbcore', name: 'broken' });
    ctx.db.close({ disableAutoOpen: false });
    expect(await everything(ctx)).toEqual(before);
  });

  it('names the line, table and field of a repeated key, in Finnish', async () => {
    setCatalog(catalog('fi'));
    const ctx = testStore();
    await seeded(ctx);
    const json = JSON.parse(await (await exportBackup(ctx)).text());
    const touches = json.data.data.find((t: { tableName: string }) => t.tableName === 'touches');
    touches.rows.push({ ...touches.rows[0], id: 'touch-copy' });
    const text = JSON.stringify(json, null, 2);
    const line = text.split('\n').findLastIndex((l) => l.includes('"sourceKey": "gmail:m1"')) + 1;
    const before = await everything(ctx);
    routeFilePortTo(ctx);
    const { getByLabelText, findByRole } = render(<DataPanel ctx={ctx} />);
    pick(getByLabelText(say('fi', 'backup_import')), 'backup.json', text);
    expect((await findByRole('alert')).textContent).toBe(
      say(
        'fi',
        'backup_refused',
        say('fi', 'backup_problem_duplicate', [String(line), 'touches', '2', 'sourceKey', '1']),
      ),
    );
    expect(await everything(ctx)).toEqual(before);
  });

  it('names the version of a backup from a newer Threadline, in English', async () => {
    setCatalog(catalog('en'));
    const ctx = testStore();
    await seeded(ctx);
    const json = JSON.parse(await (await exportBackup(ctx)).text());
    json.data.databaseVersion = 99;
    const before = await everything(ctx);
    routeFilePortTo(ctx);
    const { getByLabelText, findByRole } = render(<DataPanel ctx={ctx} />);
    pick(getByLabelText('Restore a backup…'), 'backup.json', JSON.stringify(json, null, 2));
    expect((await findByRole('alert')).textContent).toMatch(
      /^Backup refused, nothing was changed\. .*version 99/,
    );
    expect(await everything(ctx)).toEqual(before);
  });

  it('says in Finnish that the disk is full when a CSV import cannot be written, and imports nothing', async () => {
    setCatalog(catalog('fi'));
    const ctx = fullingStore();
    await seeded(ctx);
    const before = await everything(ctx);
    ctx.disk.room = 3;
    routeFilePortTo(ctx);
    const { getByLabelText, getByRole, findByRole } = render(<DataPanel ctx={ctx} />);
    pick(
      getByLabelText(say('fi', 'csv_import')),
      'deals.csv',
      'Deal name,Organization\nInitech pilot,Initech\nGlobex renewal,Globex\n',
    );
    await waitFor(() => getByRole('button', { name: say('fi', 'csv_check_import') }));
    fireEvent.click(getByRole('button', { name: say('fi', 'csv_check_import') }));
    expect((await findByRole('alert')).textContent).toBe(
      say('fi', 'csv_failed', say('fi', 'storage_full')),
    );
    ctx.disk.room = Infinity;
    expect(await everything(ctx)).toEqual(before);
  });
});
