import { importInto } from 'dexie-export-import';
import { describe, expect, it } from 'vitest';
import { backupProblem, checkBackup, exportBackup } from '../../../storage/backup';
import { createDeal, moveStage, setBant } from '../../../storage/deals';
import { importBackup, restoreRows, sameRecord } from '../../../storage/restore';
import { recordTouch } from '../../../storage/touches';
import { logObjection } from '../../../storage/objections';
import { DAY, fullingStore, testStore } from './test-store';

async function everything(ctx: ReturnType<typeof testStore>) {
  const { db } = ctx;
  return {
    deals: await db.deals.orderBy('id').toArray(),
    contacts: await db.contacts.orderBy('id').toArray(),
    links: await db.links.orderBy('key').toArray(),
    touches: await db.touches.orderBy('id').toArray(),
    stageHistory: await db.stageHistory.orderBy('id').toArray(),
    settings: await db.settings.toArray(),
    objections: await db.objections.orderBy('id').toArray(),
  };
}

async function seed(ctx: ReturnType<typeof testStore>) {
  const deal = await createDeal(ctx, {
    title: 'Acme: 40 seats',
    company: 'Acme',
    value: 24_000,
    newContacts: [{ name: 'Aino Virtanen', email: 'aino@acme.fi' }],
    links: [
      {
        kind: 'gmail-thread',
        account: 'rep@example.com',
        externalId: 'thread-f:1',
        label: 'Pricing',
      },
    ],
  });
  await recordTouch(ctx, {
    dealId: deal.id,
    channel: 'email',
    direction: 'outbound',
    at: ctx.now() - DAY,
    sourceKey: 'gmail:m1',
  });
  await setBant(ctx, { dealId: deal.id, key: 'budget', state: 'confirmed', note: '50k' });
  await moveStage(ctx, deal.id, 'qualification');
  await logObjection(ctx, {
    dealId: deal.id,
    kind: 'price',
    words: 'Too expensive',
    answerDueAt: ctx.now() + 2 * DAY,
  });
  return deal;
}

describe('full backup', () => {
  it('imports back to an identical database', async () => {
    const source = testStore();
    await seed(source);
    const backup = await exportBackup(source);
    const target = testStore();
    await createDeal(target, { title: 'Replaced by the backup' });
    await importBackup(target, backup);
    expect(await everything(target)).toEqual(await everything(source));
  });

  it('refuses a malformed file whole, naming where, and changes nothing', async () => {
    const ctx = testStore();
    await seed(ctx);
    const before = await everything(ctx);
    const good = await (await exportBackup(ctx)).text();

    const broken = good.replace('"formatName"', '"formatName" "');
    await expect(importBackup(ctx, new Blob([broken]))).rejects.toThrow(/JSON breaks on line 2 \(/);

    const badRow = good.replace('"value": 24000', '"value": "lots"');
    const line = badRow.split('\n').findIndex((text) => text.includes('"value": "lots"')) + 1;
    expect(backupProblem(badRow)).toBe(
      `Line ${line}: deals row 1, field value: Invalid input: expected number, received string`,
    );
    await expect(importBackup(ctx, new Blob([badRow]))).rejects.toMatchObject({ code: 'invalid' });

    expect(backupProblem('{"hello": "world"}')).toMatch(
      /^This is not a Threadline backup: formatName/,
    );
    expect(await everything(ctx)).toEqual(before);
  });

  it('restores over a database that has moved on: changed, added and removed records, a unique value moved', async () => {
    const ctx = testStore();
    const deal = await seed(ctx);
    const second = await createDeal(ctx, { title: 'Globex renewal' });
    await recordTouch(ctx, {
      dealId: second.id,
      channel: 'email',
      direction: 'inbound',
      at: ctx.now(),
      sourceKey: 'gmail:m2',
    });
    const backup = await exportBackup(ctx);
    const saved = await everything(ctx);

    await moveStage(ctx, deal.id, 'proposal');
    await ctx.db.deals.delete(second.id);
    await createDeal(ctx, { title: 'Made after the backup' });
    // The two message ids swap records: only the final state is unique, not every step.
    const [m1, m2] = await ctx.db.touches.orderBy('sourceKey').toArray();
    await ctx.db.touches.bulkPut([{ ...m1!, sourceKey: 'gmail:tmp' }]);
    await ctx.db.touches.bulkPut([{ ...m2!, sourceKey: 'gmail:m1' }]);
    await ctx.db.touches.bulkPut([{ ...m1!, sourceKey: 'gmail:m2' }]);

    await importBackup(ctx, backup);
    expect(await everything(ctx)).toEqual(saved);
  });

  it('leaves the database as it was when the disk fills part way through the restore', async () => {
    const ctx = fullingStore();
    await seed(ctx);
    const backup = await exportBackup(ctx);
    await createDeal(ctx, { title: 'Made after the backup' });
    await ctx.db.touches.clear();
    const before = await everything(ctx);
    // Room for a few records: the restore gets part way, then the browser says the disk is full.
    ctx.disk.room = 3;
    await expect(importBackup(ctx, backup)).rejects.toMatchObject({ code: 'storage-full' });
    ctx.disk.room = Infinity;
    expect(await everything(ctx)).toEqual(before);
  });
});

/** The exported backup as JSON to edit, and back to the text a file would hold. */
async function backupJson(ctx: ReturnType<typeof testStore>) {
  const json = JSON.parse(await (await exportBackup(ctx)).text());
  const table = (name: string): { rows: Record<string, unknown>[] } =>
    json.data.data.find((t: { tableName: string }) => t.tableName === name);
  return { json, table, text: () => JSON.stringify(json, null, 2) };
}

/** The line (1-based) of the `nth` (1-based) line of `text` that contains `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(needle) && ++seen === nth);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('a backup that cannot be restored as it is', () => {
  it('is refused when two rows share a key that must be unique, naming the line, table and field', async () => {
    const ctx = testStore();
    await seed(ctx);
    await createDeal(ctx, {
      title: 'Second',
      newContacts: [{ name: 'Ada', linkedinUrl: 'https://www.linkedin.com/in/ada/' }],
    });
    await createDeal(ctx, { title: 'Third', newContacts: [{ name: 'Ada again' }] });
    const before = await everything(ctx);

    const cases: [
      string,
      (b: Awaited<ReturnType<typeof backupJson>>) => void,
      string,
      string,
      number,
    ][] = [
      // Two touches for one message: the message would count twice.
      [
        'touches',
        (b) => b.table('touches').rows.push({ ...b.table('touches').rows[0], id: 'touch-copy' }),
        'sourceKey',
        '"sourceKey": "gmail:m1"',
        2,
      ],
      // Two contacts with one LinkedIn profile address.
      [
        'contacts',
        (b) => {
          const rows = b.table('contacts').rows;
          rows.find((c) => c.name === 'Ada again')!.linkedinUrl =
            'https://www.linkedin.com/in/ada/';
        },
        'linkedinUrl',
        '"linkedinUrl": "https://www.linkedin.com/in/ada/"',
        2,
      ],
      // Two deals with one id: one of them would be dropped without a word.
      [
        'deals',
        (b) => {
          const rows = b.table('deals').rows;
          rows.push({ ...rows[0], title: 'Same id, other deal' });
        },
        'id',
        `"id": "${before.deals[0]!.id}"`,
        2,
      ],
      [
        'links',
        (b) => {
          const rows = b.table('links').rows;
          rows.push({ ...rows[0], label: 'Same key' });
        },
        'key',
        '"key": "gmail:',
        2,
      ],
    ];
    for (const [table, edit, field, needle, nth] of cases) {
      const backup = await backupJson(ctx);
      edit(backup);
      const text = backup.text();
      const { problem } = checkBackup(text);
      const rowCount = backup.table(table).rows.length;
      expect(problem, table).toMatchObject({
        code: 'duplicate',
        table,
        field,
        line: lineOf(text, needle, nth),
      });
      expect(problem?.row).toBeGreaterThan(1);
      expect(problem?.row).toBeLessThanOrEqual(rowCount);
      expect(problem?.message).toContain(`${table} row ${problem?.row}, field ${field}`);
      await expect(importBackup(ctx, new Blob([text]))).rejects.toMatchObject({ code: 'invalid' });
    }
    expect(await everything(ctx)).toEqual(before);
  });

  it('is refused by the writer too when rows repeat a primary key, rather than one being dropped', async () => {
    const ctx = testStore();
    const deal = await seed(ctx);
    const before = await everything(ctx);
    const rows = new Map([
      ['deals', [before.deals[0]!, { ...before.deals[0]!, title: 'Same id, other deal' }]],
    ]);
    await expect(restoreRows(ctx, rows)).rejects.toMatchObject({
      code: 'invalid',
      details: { field: 'deals.id' },
    });
    expect((await ctx.db.deals.get(deal.id))?.title).toBe('Acme: 40 seats');
    expect(await everything(ctx)).toEqual(before);
  });

  it('is refused when it comes from a newer Threadline, naming its version', async () => {
    const ctx = testStore();
    await seed(ctx);
    const before = await everything(ctx);

    const newer = await backupJson(ctx);
    newer.json.data.databaseVersion = 99;
    const text = newer.text();
    expect(checkBackup(text).problem).toMatchObject({
      code: 'newer',
      version: 99,
      line: lineOf(text, '"databaseVersion": 99'),
    });
    expect(backupProblem(text)).toMatch(/version 99/);
    await expect(importBackup(ctx, new Blob([text]))).rejects.toMatchObject({ code: 'invalid' });

    // A field this version does not know is a newer version's too: refused, not dropped.
    for (const [edit, field, needle] of [
      [
        (b: Awaited<ReturnType<typeof backupJson>>) =>
          (b.table('deals').rows[0]!.priority = 'high'),
        'priority',
        '"priority": "high"',
      ],
      [
        (b: Awaited<ReturnType<typeof backupJson>>) =>
          ((b.table('deals').rows[0]!.bant as { budget: Record<string, unknown> }).budget.owner =
            'CFO'),
        'bant.budget.owner',
        '"owner": "CFO"',
      ],
    ] as const) {
      const backup = await backupJson(ctx);
      edit(backup);
      const withField = backup.text();
      expect(checkBackup(withField).problem).toMatchObject({
        code: 'unknown-field',
        table: 'deals',
        row: 1,
        field,
        line: lineOf(withField, needle),
      });
      await expect(importBackup(ctx, new Blob([withField]))).rejects.toMatchObject({
        code: 'invalid',
      });
    }
    expect(await everything(ctx)).toEqual(before);
  });

  it('is refused when a link opens anything but its own site, naming the line and field', async () => {
    const ctx = testStore();
    await seed(ctx);
    const before = await everything(ctx);
    for (const url of [
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'https://evil.example/mail/u/0/',
    ]) {
      const backup = await backupJson(ctx);
      backup.table('links').rows[0]!.url = url;
      const text = backup.text();
      expect(checkBackup(text).problem, url).toMatchObject({
        code: 'row',
        table: 'links',
        row: 1,
        field: 'url',
        line: lineOf(text, `"url": ${JSON.stringify(url)}`),
      });
      await expect(importBackup(ctx, new Blob([text]))).rejects.toMatchObject({ code: 'invalid' });
    }
    expect(await everything(ctx)).toEqual(before);
  });
});

describe('sameRecord', () => {
  it('compares JSON values deeply, in any key order', () => {
    expect(sameRecord({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameRecord({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameRecord({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameRecord({ a: [] }, { a: {} })).toBe(false);
    expect(sameRecord({ a: '1' }, { a: 1 })).toBe(false);
  });
});

describe('the backup file', () => {
  it('is Dexie’s export format, which dexie-export-import’s own importer reads back', async () => {
    const ctx = testStore();
    const deal = await seed(ctx);
    // More rows than exportDB writes per chunk, and one table left empty.
    await ctx.db.touches.bulkAdd(
      Array.from({ length: 4_500 }, (_, i) => ({
        id: `t-${i}`,
        dealId: deal.id,
        channel: 'email' as const,
        direction: 'inbound' as const,
        at: i,
        sourceKey: `gmail:x${i}`,
        note: 'ünïcödé "quoted"\n',
        createdAt: i,
      })),
    );
    await ctx.db.links.clear();
    const file = JSON.parse(await (await exportBackup(ctx)).text());
    expect(file.formatName).toBe('dexie');
    expect(file.data.tables.find((t: { name: string }) => t.name === 'touches').rowCount).toBe(
      4_501,
    );
    const copy = testStore();
    await importInto(copy.db, await exportBackup(ctx), { acceptNameDiff: true });
    expect(await everything(copy)).toEqual(await everything(ctx));
    // And our restore reads it to the same records.
    const restored = testStore();
    await importBackup(restored, await exportBackup(ctx));
    expect(await everything(restored)).toEqual(await everything(ctx));
  });
});

describe('objections in a backup', () => {
  it('are restored with the promise they hold, so the deal is owed the answer again', async () => {
    const source = testStore();
    const deal = await seed(source);
    const target = testStore();
    await importBackup(target, await exportBackup(source));
    expect(await target.db.objections.count()).toBe(1);
    expect((await target.db.deals.get(deal.id))?.answerDueAt).toBe(source.now() + 2 * DAY);
  });

  it('refuse a backup with a malformed objection, naming the table, row and field', async () => {
    const ctx = testStore();
    await seed(ctx);
    const file = JSON.parse(await (await exportBackup(ctx)).text());
    const table = file.data.data.find((t: { tableName: string }) => t.tableName === 'objections');
    table.rows[0].kind = '';
    const checked = checkBackup(JSON.stringify(file, null, 2));
    expect(checked.problem).toMatchObject({
      code: 'row',
      table: 'objections',
      row: 1,
      field: 'kind',
    });
  });

  it('a backup from before objections restores with none, and no deal owed an answer', async () => {
    const ctx = testStore();
    await seed(ctx);
    const file = JSON.parse(await (await exportBackup(ctx)).text());
    file.data.databaseVersion = 5;
    file.data.data = file.data.data.filter(
      (t: { tableName: string }) => t.tableName !== 'objections',
    );
    for (const deal of file.data.data.find((t: { tableName: string }) => t.tableName === 'deals')
      .rows)
      delete deal.answerDueAt;
    const target = testStore();
    await importBackup(target, new Blob([JSON.stringify(file)]));
    expect(await target.db.objections.count()).toBe(0);
    for (const deal of await target.db.deals.toArray()) expect(deal.answerDueAt).toBeNull();
  });
});
