import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkCsv, exportDealsCsv, previewCsv } from '../../../storage/csv';
import { importDealsCsv } from '../../../storage/csv-import';
import { closeDeal, createDeal } from '../../../storage/deals';
import { fullingStore, testStore } from './test-store';

const GOOD = [
  'Deal name,Organization,Person,Email,Value,Currency,Stage,Status,Expected close date,Owner',
  'Acme: 40 seats,Acme Oy,Aino Virtanen,aino@acme.fi,24000,EUR,Qualification,open,2026-12-31,',
  '"Globex, renewal",Globex,Pekka Salo,pekka@globex.com,48000.50,USD,proposal,won,,',
].join('\n');

describe('deals as CSV', () => {
  it('exports the columns a CRM import accepts', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, {
      title: 'Acme, "big" deal',
      company: 'Acme Oy',
      value: 1200,
      newContacts: [{ name: 'Aino', email: 'aino@acme.fi' }],
    });
    await closeDeal(ctx, { dealId: deal.id, status: 'won' });
    const csv = await exportDealsCsv(ctx);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
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
    expect(
      deals.map((d) => [
        d.title,
        d.company,
        d.value,
        d.currency,
        d.stageId,
        d.status,
        d.expectedClose,
      ]),
    ).toEqual([
      ['Acme: 40 seats', 'Acme Oy', 24000, 'EUR', 'qualification', 'open', '2026-12-31'],
      ['Globex, renewal', 'Globex', 48000.5, 'USD', 'proposal', 'won', null],
    ]);
    expect((await ctx.db.contacts.toArray()).map((c) => c.email).sort()).toEqual([
      'aino@acme.fi',
      'pekka@globex.com',
    ]);
  });

  it('refuses a file with errors whole, naming each line and column, and writes nothing', async () => {
    const ctx = testStore();
    await createDeal(ctx, { title: 'Already here' });
    const bad = [
      GOOD,
      'Initech,,Leena,not-an-email,12k,euro,Nowhere,maybe,03/04/2026,',
      ',NoName,,,,,,,,',
    ].join('\n');
    const { problems } = await checkCsv(ctx, bad, previewCsv(bad).mapping);
    expect(problems.map((p) => [p.line, p.field, p.code, p.detail])).toEqual([
      [4, 'Email', 'email', 'not-an-email'],
      [4, 'Value', 'amount', '12k'],
      [4, 'Currency', 'currency', 'euro'],
      [4, 'Status', 'status', 'maybe'],
      [4, 'Expected close date', 'ambiguous-date', '03/04/2026'],
      [4, 'Stage', 'stage', 'Nowhere'],
      [5, 'Deal name', 'required', undefined],
    ]);
    await expect(importDealsCsv(ctx, bad, previewCsv(bad).mapping)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Line 4, Email: Not an email address: not-an-email',
    });
    expect((await ctx.db.deals.toArray()).map((d) => d.title)).toEqual(['Already here']);
    expect(await ctx.db.contacts.count()).toBe(0);
  });

  it('reads the amounts, dates and separators of Finnish, Turkish and US spreadsheets', async () => {
    const ctx = testStore();
    const text = [
      '\uFEFFFırsat;Değer;Kapanış;Durum',
      'Anadolu;"24.000,50";31.12.2026;Won',
      'Acme;24 000;2026-12-31T00:00:00Z;',
      'Globex;"$1,500.25";12/31/2026;open',
    ].join('\r\n');
    const mapping = { title: 0, value: 1, expectedClose: 2, status: 3 };
    expect(await importDealsCsv(ctx, text, mapping)).toBe(3);
    const deals = await ctx.db.deals.toCollection().sortBy('title');
    expect(deals.map((d) => [d.title, d.value, d.expectedClose, d.status])).toEqual([
      ['Acme', 24000, '2026-12-31', 'open'],
      ['Anadolu', 24000.5, '2026-12-31', 'won'],
      ['Globex', 1500.25, '2026-12-31', 'open'],
    ]);
  });

  it('names lines as the file numbers them, past blank lines and values that span lines', async () => {
    const ctx = testStore();
    const text = 'Deal name,Email\n\n"Two\nline name",a@b.fi\n\nBad,nope\n';
    const { problems } = await checkCsv(ctx, text, previewCsv(text).mapping);
    expect(problems.map((p) => [p.line, p.field, p.code])).toEqual([[6, 'Email', 'email']]);
  });

  it('names the column as the file calls it, and takes a one-column file', async () => {
    const ctx = testStore();
    const text = 'Fırsat adı,Posta\nPilot,nope\n';
    const { problems } = await checkCsv(ctx, text, { title: 0, email: 1 });
    expect(problems.map((p) => [p.line, p.field, p.code])).toEqual([[2, 'Posta', 'email']]);
    expect(await importDealsCsv(ctx, 'Deal name\nPilot\nTrial\n', { title: 0 })).toBe(2);
  });

  it('names an unknown stage', async () => {
    const ctx = testStore();
    const text = 'Deal name,Stage\nPilot,Nowhere\n';
    await expect(importDealsCsv(ctx, text, previewCsv(text).mapping)).rejects.toMatchObject({
      message: 'Line 2, Stage: No such stage in your pipeline: Nowhere',
    });
  });
  it('writes no cell a spreadsheet would run as a formula, and reads the file back to the same text', async () => {
    const ctx = testStore();
    const hostile = [
      // A LinkedIn company name that became a deal title verbatim.
      ['=HYPERLINK("https://evil.example/x","Invoice")', 'Acme', 'Aino', 'aino@acme.fi'],
      ['+1 555 0100 call back', "-2+3+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-rep@acme.fi'],
      ["'=already quoted", "'Tis the season Oy", "O'Brien", '+tag@acme.fi'],
      ['Plain deal', 'Globex', 'Pekka', 'pekka@globex.com'],
    ];
    for (const [title, company, name, email] of hostile)
      await createDeal(ctx, {
        title: title!,
        company: company!,
        newContacts: [{ name: name!, email: email! }],
      });
    const csv = await exportDealsCsv(ctx);

    const cells = Papa.parse<string[]>(csv.slice(1)).data.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain('\'=HYPERLINK("https://evil.example/x","Invoice")');

    const copy = testStore();
    expect(await importDealsCsv(copy, csv, previewCsv(csv).mapping)).toBe(hostile.length);
    const deals = await copy.db.deals.toArray();
    const contacts = new Map((await copy.db.contacts.toArray()).map((c) => [c.id, c]));
    const back = deals.map((d) => [
      d.title,
      d.company,
      contacts.get(d.contactIds[0]!)?.name,
      contacts.get(d.contactIds[0]!)?.email,
    ]);
    expect(back.sort()).toEqual([...hostile].sort());
  });
  it('imports nothing when the disk fills part way, and says the disk is full', async () => {
    const ctx = fullingStore();
    await createDeal(ctx, { title: 'Already here' });
    ctx.disk.room = 3;
    await expect(importDealsCsv(ctx, GOOD, previewCsv(GOOD).mapping)).rejects.toMatchObject({
      code: 'storage-full',
    });
    ctx.disk.room = Infinity;
    expect((await ctx.db.deals.toArray()).map((d) => d.title)).toEqual(['Already here']);
    expect(await ctx.db.contacts.count()).toBe(0);
  });
});
