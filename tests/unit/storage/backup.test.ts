import { importInto } from 'dexie-export-import';
import { describe, expect, it } from 'vitest';
import { backupProblem, exportBackup, importBackup } from '../../../storage/backup';
import { createDeal, moveStage, setBant } from '../../../storage/deals';
import { sameRecord } from '../../../storage/restore';
import { recordTouch } from '../../../storage/touches';
import { DAY, testStore } from './test-store';

async function everything(ctx: ReturnType<typeof testStore>) {
  const { db } = ctx;
  return {
    deals: await db.deals.orderBy('id').toArray(),
    contacts: await db.contacts.orderBy('id').toArray(),
    links: await db.links.orderBy('key').toArray(),
    touches: await db.touches.orderBy('id').toArray(),
    stageHistory: await db.stageHistory.orderBy('id').toArray(),
    settings: await db.settings.toArray(),
  };
}

async function seed(ctx: ReturnType<typeof testStore>) {
  const deal = await createDeal(ctx, {
    title: 'Acme: 40 seats',
    company: 'Acme',
    value: 24_000,
    newContacts: [{ name: 'Aino Virtanen', email: 'aino@acme.fi' }],
    links: [{ kind: 'gmail-thread', account: 'rep@example.com', externalId: 'thread-f:1', label: 'Pricing' }],
  });
  await recordTouch(ctx, { dealId: deal.id, channel: 'email', direction: 'outbound', at: ctx.now() - DAY, sourceKey: 'gmail:m1' });
  await setBant(ctx, { dealId: deal.id, key: 'budget', state: 'confirmed', note: '50k' });
  await moveStage(ctx, deal.id, 'qualification');
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
    expect(backupProblem(badRow)).toBe(`Line ${line}: deals row 1, field value: Invalid input: expected number, received string`);
    await expect(importBackup(ctx, new Blob([badRow]))).rejects.toMatchObject({ code: 'invalid' });

    expect(backupProblem('{"hello": "world"}')).toMatch(/^This is not a Threadline backup: formatName/);
    expect(await everything(ctx)).toEqual(before);
  });

  it('restores over a database that has moved on: changed, added and removed records, a unique value moved', async () => {
    const ctx = testStore();
    const deal = await seed(ctx);
    const second = await createDeal(ctx, { title: 'Globex renewal' });
    await recordTouch(ctx, { dealId: second.id, channel: 'email', direction: 'inbound', at: ctx.now(), sourceKey: 'gmail:m2' });
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

  it('leaves the database as it was when writing the backup fails part way', async () => {
    const ctx = testStore();
    await seed(ctx);
    const before = await everything(ctx);
    // Every row is valid on its own, but two touches claim one message: the unique index
    // refuses the second only when the rows are written.
    const json = JSON.parse(await (await exportBackup(ctx)).text());
    const touches = json.data.data.find((t: { tableName: string }) => t.tableName === 'touches');
    touches.rows.push({ ...touches.rows[0], id: 'touch-copy' });
    await expect(importBackup(ctx, new Blob([JSON.stringify(json)]))).rejects.toThrow();
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
      Array.from({ length: 4_500 }, (_, i) => ({ id: `t-${i}`, dealId: deal.id, channel: 'email' as const, direction: 'inbound' as const, at: i, sourceKey: `gmail:x${i}`, note: 'ünïcödé "quoted"\n', createdAt: i })),
    );
    await ctx.db.links.clear();
    const file = JSON.parse(await (await exportBackup(ctx)).text());
    expect(file.formatName).toBe('dexie');
    expect(file.data.tables.find((t: { name: string }) => t.name === 'touches').rowCount).toBe(4_501);
    const copy = testStore();
    await importInto(copy.db, await exportBackup(ctx), { acceptNameDiff: true });
    expect(await everything(copy)).toEqual(await everything(ctx));
    // And our restore reads it to the same records.
    const restored = testStore();
    await importBackup(restored, await exportBackup(ctx));
    expect(await everything(restored)).toEqual(await everything(ctx));
  });
});
