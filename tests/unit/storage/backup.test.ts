import { describe, expect, it } from 'vitest';
import { backupProblem, exportBackup, importBackup } from '../../../storage/backup';
import { createDeal, moveStage, setBant } from '../../../storage/deals';
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
    expect(backupProblem(badRow)).toBe('deals row 1, field value: Invalid input: expected number, received string');
    await expect(importBackup(ctx, new Blob([badRow]))).rejects.toMatchObject({ code: 'invalid' });

    expect(backupProblem('{"hello": "world"}')).toMatch(/^This is not a Threadline backup: formatName/);
    expect(await everything(ctx)).toEqual(before);
  });
});
