import { describe, expect, it } from 'vitest';
import { closeDeal, createDeal, deleteDeal, moveStage, reopenDeal } from '../../../storage/deals';
import {
  answerObjection,
  answersForKind,
  deleteObjection,
  logObjection,
  objectionsOfDeal,
} from '../../../storage/objections';
import { exportObjectionsCsv } from '../../../storage/objections-csv';
import { scanDue } from '../../../storage/queries';
import { cancelPendingTouch, recordTouch } from '../../../storage/touches';
import { DAY, HOUR, testStore } from './test-store';

const MONDAY = Date.UTC(2026, 10, 2, 9);
const WEDNESDAY = Date.UTC(2026, 10, 4);

describe('objections', () => {
  it('are records of their own with the deal, the stage it was in and the times', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    const { objection } = await logObjection(ctx, {
      dealId: deal.id,
      kind: ' Price ',
      words: 'Too expensive for us',
      answer: 'Annual plan',
    });
    expect(objection).toMatchObject({
      dealId: deal.id,
      kind: 'price',
      stageId: deal.stageId,
      answeredAt: MONDAY,
      createdAt: MONDAY,
      updatedAt: MONDAY,
      answerDueAt: null,
    });
    expect(await objectionsOfDeal(ctx, deal.id)).toEqual([objection]);
  });

  it('refuses an objection without a kind, or on a deal that does not exist, and writes nothing', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    await expect(logObjection(ctx, { dealId: deal.id, kind: '  ' })).rejects.toThrow(/kind/);
    await expect(logObjection(ctx, { dealId: 'nope', kind: 'price' })).rejects.toThrow(/nope/);
    expect(await ctx.db.objections.count()).toBe(0);
  });

  it('makes the deal due on the day an answer is promised for, and not before', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    const { deal: owed } = await logObjection(ctx, {
      dealId: deal.id,
      kind: 'competitor',
      answerDueAt: WEDNESDAY,
    });
    expect(owed.answerDueAt).toBe(WEDNESDAY);
    ctx.clock.now = WEDNESDAY - 1;
    expect(await scanDue(ctx)).toEqual({ overdue: [], due: [] });
    ctx.clock.now = WEDNESDAY + 9 * HOUR;
    expect(await scanDue(ctx)).toEqual({ overdue: [], due: [deal.id] });
    ctx.clock.now = WEDNESDAY + 2 * DAY;
    expect(await scanDue(ctx)).toEqual({ overdue: [deal.id], due: [] });
  });

  it('closes the promise when the answer is logged', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    const { objection } = await logObjection(ctx, {
      dealId: deal.id,
      kind: 'fit',
      answerDueAt: WEDNESDAY,
    });
    ctx.clock.now = WEDNESDAY + HOUR;
    const answered = await answerObjection(ctx, { id: objection.id, answer: 'SSO is included' });
    expect(answered.objection).toMatchObject({
      answer: 'SSO is included',
      answeredAt: WEDNESDAY + HOUR,
      promiseClosedAt: WEDNESDAY + HOUR,
    });
    expect(answered.deal.answerDueAt).toBeNull();
    expect(await scanDue(ctx)).toEqual({ overdue: [], due: [] });
  });

  it('closes a promise when a message goes out after it, but not for an older message, a reply or a note', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    await logObjection(ctx, { dealId: deal.id, kind: 'fit', answerDueAt: WEDNESDAY });
    const touch = (direction: 'inbound' | 'outbound', channel: 'email' | 'note', at: number) =>
      recordTouch(ctx, { dealId: deal.id, channel, direction, at });
    expect((await touch('outbound', 'email', MONDAY - HOUR)).deal.answerDueAt).toBe(WEDNESDAY);
    expect((await touch('inbound', 'email', MONDAY + HOUR)).deal.answerDueAt).toBe(WEDNESDAY);
    expect((await touch('outbound', 'note', MONDAY + HOUR)).deal.answerDueAt).toBe(WEDNESDAY);
    const sent = await touch('outbound', 'email', MONDAY + 2 * HOUR);
    expect(sent.deal.answerDueAt).toBeNull();
    const [objection] = await objectionsOfDeal(ctx, deal.id);
    expect(objection!.promiseClosedAt).toBe(MONDAY);
  });

  it('owes the answer again when the message that kept the promise is undone', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    await logObjection(ctx, { dealId: deal.id, kind: 'fit', answerDueAt: WEDNESDAY });
    ctx.tick(HOUR);
    const sent = await recordTouch(ctx, {
      dealId: deal.id,
      channel: 'email',
      direction: 'outbound',
      at: ctx.now(),
      sourceKey: 'gmail:draft:1',
      pending: true,
    });
    expect(sent.deal.answerDueAt).toBeNull();
    expect((await cancelPendingTouch(ctx, 'gmail:draft:1'))?.answerDueAt).toBe(WEDNESDAY);
    const [objection] = await objectionsOfDeal(ctx, deal.id);
    expect(objection!.promiseClosedAt).toBeNull();
  });

  it('keeps the next open promise when one of two is kept', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    const first = await logObjection(ctx, { dealId: deal.id, kind: 'fit', answerDueAt: WEDNESDAY });
    await logObjection(ctx, { dealId: deal.id, kind: 'timing', answerDueAt: WEDNESDAY + DAY });
    const { deal: after } = await answerObjection(ctx, { id: first.objection.id, answer: 'Yes' });
    expect(after.answerDueAt).toBe(WEDNESDAY + DAY);
  });

  it('owes nothing on a closed deal; reopening owes the open promises again', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    await logObjection(ctx, { dealId: deal.id, kind: 'price', answerDueAt: WEDNESDAY });
    expect((await closeDeal(ctx, { dealId: deal.id, status: 'lost' })).answerDueAt).toBeNull();
    ctx.clock.now = WEDNESDAY + HOUR;
    expect(await scanDue(ctx)).toEqual({ overdue: [], due: [] });
    expect((await reopenDeal(ctx, deal.id)).answerDueAt).toBe(WEDNESDAY);
    expect((await scanDue(ctx)).due).toEqual([deal.id]);
  });

  it('records the stage a deal was in when the objection was heard', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    await moveStage(ctx, deal.id, 'proposal');
    const { objection } = await logObjection(ctx, { dealId: deal.id, kind: 'price' });
    expect(objection.stageId).toBe('proposal');
  });

  it('offers the answers given on won deals for a kind, newest first', async () => {
    const ctx = testStore(MONDAY);
    const won = await createDeal(ctx, { title: 'Won' });
    const lost = await createDeal(ctx, { title: 'Lost' });
    await logObjection(ctx, { dealId: won.id, kind: 'price', answer: 'Annual plan' });
    ctx.tick(HOUR);
    await logObjection(ctx, { dealId: won.id, kind: 'Price', answer: 'Ten seats first' });
    await logObjection(ctx, { dealId: lost.id, kind: 'price', answer: 'No discount' });
    await logObjection(ctx, { dealId: won.id, kind: 'timing', answer: 'Start in January' });
    expect(await answersForKind(ctx, 'price', 5)).toEqual([]);
    await closeDeal(ctx, { dealId: won.id, status: 'won' });
    await closeDeal(ctx, { dealId: lost.id, status: 'lost' });
    expect((await answersForKind(ctx, 'price', 5)).map((a) => a.answer)).toEqual([
      'Ten seats first',
      'Annual plan',
    ]);
    expect(await answersForKind(ctx, 'price', 1)).toHaveLength(1);
  });

  it('go with their deal, and a deleted one no longer makes the deal due', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind' });
    const { objection } = await logObjection(ctx, {
      dealId: deal.id,
      kind: 'price',
      answerDueAt: WEDNESDAY,
    });
    expect((await deleteObjection(ctx, objection.id)).answerDueAt).toBeNull();
    await logObjection(ctx, { dealId: deal.id, kind: 'price' });
    await deleteDeal(ctx, deal.id, true);
    expect(await ctx.db.objections.count()).toBe(0);
  });
});

describe('objections as CSV', () => {
  it('writes one row per objection beside its deal, with no cell a spreadsheet would run', async () => {
    const ctx = testStore(MONDAY);
    const deal = await createDeal(ctx, { title: 'Northwind', company: 'Northwind Oy' });
    await logObjection(ctx, {
      dealId: deal.id,
      kind: 'price',
      words: '=HYPERLINK("x") is too much, "really"',
      answerDueAt: WEDNESDAY,
    });
    const [header, row] = (await exportObjectionsCsv(ctx)).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      `Deal name,Organization,Objection,Prospect's words,Answer,Stage,Heard at,Answer promised for,Answered at,Deal status`,
    );
    expect(row).toBe(
      `Northwind,Northwind Oy,price,"'=HYPERLINK(""x"") is too much, ""really""",,Prospecting,2026-11-02T09:00:00.000Z,2026-11-04T00:00:00.000Z,,open`,
    );
  });
});
