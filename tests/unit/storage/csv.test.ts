import { describe, expect, it } from 'vitest';
import { checkCsv, exportDealsCsv, importDealsCsv, previewCsv } from '../../../storage/csv';
import { closeDeal, createDeal } from '../../../storage/deals';
import { testStore } from './test-store';

const GOOD = [
  'Deal name,Organization,Person,Email,Value,Currency,Stage,Status,Expected close date,Owner',
  'Acme: 40 seats,Acme Oy,Aino Virtanen,aino@acme.fi,24000,EUR,Qualification,open,2026-12-31,',
  '"Globex, renewal",Globex,Pekka Salo,pekka@globex.com,48000.50,USD,proposal,won,,',
].join('\n');

describe('deals as CSV', () => {
  it('exports the columns a CRM import accepts', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme, "big" deal', company: 'Acme Oy', value: 1200, newContacts: [{ name: 'Aino', email: 'aino@acme.fi' }] });
    await closeDeal(ctx, { dealId: deal.id, status: 'won' });
    expect((await exportDealsCsv(ctx)).split('\r\n')).toEqual([
      'Deal name,Organization,Person,Email,Value,Currency,Stage,Status,Expected close date,Owner',
      '"Acme, ""big"" deal",Acme Oy,Aino,aino@acme.fi,1200,EUR,Prospecting,won,,',
    ]);
  });

  it('previews a file and guesses the column mapping from its headers', () => {
    const preview = previewCsv('Person,Deal name,Whatever\nAino,Pilot,x\n');
    expect(preview.headers).toEqual(['Person', 'Deal name', 'Whatever']);
    expect(preview.rows).toEqual([['Aino', 'Pilot', 'x']]);
    expect(preview.mapping).toEqual({ person: 0, title: 1 });
  });

  it('imports every row with its person, stage and status', async () => {
    const ctx = testStore();
    expect(await importDealsCsv(ctx, GOOD, previewCsv(GOOD).mapping)).toBe(2);
    const deals = await ctx.db.deals.toCollection().sortBy('title');
    expect(deals.map((d) => [d.title, d.company, d.value, d.currency, d.stageId, d.status, d.expectedClose])).toEqual([
      ['Acme: 40 seats', 'Acme Oy', 24000, 'EUR', 'qualification', 'open', '2026-12-31'],
      ['Globex, renewal', 'Globex', 48000.5, 'USD', 'proposal', 'won', null],
    ]);
    expect((await ctx.db.contacts.toArray()).map((c) => c.email).sort()).toEqual(['aino@acme.fi', 'pekka@globex.com']);
  });

  it('refuses a file with errors whole, naming each line and field, and writes nothing', async () => {
    const ctx = testStore();
    await createDeal(ctx, { title: 'Already here' });
    const bad = [GOOD, 'Initech,,Leena,not-an-email,12k,eur,Nowhere,maybe,31.12.2026,', ',NoName,,,,,,,,'].join('\n');
    const { problems } = await checkCsv(ctx, bad, previewCsv(bad).mapping);
    expect(problems).toEqual([
      { line: 4, field: 'Email', message: 'Not an email address' },
      { line: 4, field: 'Value', message: 'Not a number (use digits and a dot)' },
      { line: 4, field: 'Currency', message: 'Use a three-letter currency code such as EUR' },
      { line: 4, field: 'Status', message: 'Use open, won, lost or disqualified' },
      { line: 4, field: 'Expected close date', message: 'Use a date like 2026-12-31' },
      { line: 5, field: 'Deal name', message: 'A deal needs a name' },
    ]);
    await expect(importDealsCsv(ctx, bad, previewCsv(bad).mapping)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Line 4, Email: Not an email address',
    });
    expect((await ctx.db.deals.toArray()).map((d) => d.title)).toEqual(['Already here']);
    expect(await ctx.db.contacts.count()).toBe(0);
  });

  it('names an unknown stage', async () => {
    const ctx = testStore();
    const text = 'Deal name,Stage\nPilot,Nowhere\n';
    await expect(importDealsCsv(ctx, text, previewCsv(text).mapping)).rejects.toMatchObject({ message: 'Line 2, Stage: No stage "Nowhere" in your pipeline' });
  });
});
