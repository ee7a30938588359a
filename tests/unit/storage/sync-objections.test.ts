import { describe, expect, it } from 'vitest';
import {
  mergeAll,
  stampLocalEdit,
  valuesOf,
  type SyncKind,
  type SyncRecord,
} from '../../../domain/sync-merge';
import { createDeal } from '../../../storage/deals';
import { logObjection } from '../../../storage/objections';
import { applyTeamRecords, recomputeFigures, type PulledRecord } from '../../../storage/sync-apply';
import { outboxSize, readOutbox, startNoting } from '../../../storage/sync-queue';
import { sharedFields, syncedKind } from '../../../storage/sync-records';
import { teamDealValues } from './team-records';
import { DAY, testStore } from './test-store';

const PROMISED_DAY = Date.UTC(2026, 10, 4);

function stamped(kind: SyncKind, values: object, at: number, by: string): SyncRecord {
  return stampLocalEdit(kind, null, sharedFields(syncedKind(kind)!, values), { at, by })!;
}

function edited(kind: SyncKind, before: SyncRecord, change: object, at: number, by: string) {
  return stampLocalEdit(kind, before, { ...valuesOf(before), ...change }, { at, by })!;
}

const pulled = (kind: SyncKind, key: string, record: SyncRecord): PulledRecord => ({
  id: `${kind}:${key}`,
  kind,
  key,
  record,
});

const deal = stamped('deal', teamDealValues('Initech rollout'), 1, 'laptop');

/** "Too expensive", heard on the laptop, with an answer promised for a day. */
const logged = stamped(
  'objection',
  {
    dealId: 'd1',
    kind: 'price',
    words: 'Too expensive for us this year',
    answer: '',
    stageId: 'prospecting',
    answerDueAt: PROMISED_DAY,
    promiseClosedAt: null,
    answeredAt: null,
    createdAt: 100,
  },
  100,
  'laptop',
);
/** The desktop gives the answer; meanwhile the laptop corrects the prospect's words. */
const answered = edited(
  'objection',
  logged,
  { answer: 'Phased rollout halves year one', answeredAt: 300, promiseClosedAt: 300 },
  300,
  'desktop',
);
const reworded = edited('objection', logged, { words: 'Too expensive this year' }, 200, 'laptop');

async function objectionsAndDue(ctx: ReturnType<typeof testStore>) {
  return {
    objections: await ctx.db.objections.toArray(),
    answerDueAt: (await ctx.db.deals.get('d1'))?.answerDueAt,
  };
}

async function pull(ctx: ReturnType<typeof testStore>, records: PulledRecord[]) {
  const result = await applyTeamRecords(ctx, records);
  await recomputeFigures(ctx, result.touchedDeals);
  return result;
}

describe('objections shared with the team', () => {
  it('merge field by field: the answer and the corrected words both survive', () => {
    const merged = valuesOf(mergeAll([answered, reworded]));
    expect(merged).toMatchObject({
      words: 'Too expensive this year',
      answer: 'Phased rollout halves year one',
      promiseClosedAt: 300,
    });
  });

  it('end the same on two replicas whatever order the versions and records arrive in', async () => {
    const laptop = testStore();
    const desktop = testStore();
    await pull(laptop, [pulled('deal', 'd1', deal), pulled('objection', 'o1', logged)]);
    await pull(laptop, [pulled('objection', 'o1', mergeAll([reworded, logged, answered]))]);
    await pull(desktop, [
      pulled('objection', 'o1', mergeAll([answered, reworded])),
      pulled('deal', 'd1', deal),
    ]);
    const onLaptop = await objectionsAndDue(laptop);
    const onDesktop = await objectionsAndDue(desktop);
    expect(onLaptop.objections.map(({ updatedAt: _, ...o }) => o)).toEqual(
      onDesktop.objections.map(({ updatedAt: _, ...o }) => o),
    );
    expect(onLaptop).toMatchObject({ answerDueAt: null });
    expect(onDesktop).toMatchObject({ answerDueAt: null });
  });

  it('make a deal due here for a promise made elsewhere, and not once it is kept', async () => {
    const ctx = testStore();
    await startNoting(ctx);
    await pull(ctx, [pulled('deal', 'd1', deal), pulled('objection', 'o1', logged)]);
    expect(await objectionsAndDue(ctx)).toMatchObject({
      objections: [{ id: 'o1', kind: 'price', answerDueAt: PROMISED_DAY }],
      answerDueAt: PROMISED_DAY,
    });
    await pull(ctx, [pulled('objection', 'o1', mergeAll([logged, answered]))]);
    expect((await ctx.db.deals.get('d1'))!.answerDueAt).toBeNull();
    // Applied and recomputed here: nothing of it goes back to the team.
    expect(await outboxSize(ctx)).toBe(0);
  });

  it('never carry the day a deal is owed an answer: each browser works it out', async () => {
    expect(syncedKind('deal')!.fields).not.toContain('answerDueAt');
    const ctx = testStore();
    await startNoting(ctx);
    const here = await createDeal(ctx, { title: 'Globex' });
    await logObjection(ctx, {
      dealId: here.id,
      kind: 'timing',
      answerDueAt: PROMISED_DAY + DAY,
    });
    const tables = (await readOutbox(ctx, 100)).map((note) => note.table);
    expect(tables).toContain('objections');
  });

  it('go with a deal a teammate deleted, and a deleted objection no longer makes it due', async () => {
    const ctx = testStore();
    await startNoting(ctx);
    const second = stamped(
      'objection',
      { ...valuesOf(logged), kind: 'fit', answerDueAt: PROMISED_DAY + DAY },
      150,
      'desktop',
    );
    await pull(ctx, [
      pulled('deal', 'd1', deal),
      pulled('objection', 'o1', logged),
      pulled('objection', 'o2', second),
    ]);
    await pull(ctx, [
      pulled('objection', 'o1', stampLocalEdit('objection', logged, null, { at: 400, by: 'b' })!),
    ]);
    expect(await objectionsAndDue(ctx)).toMatchObject({
      objections: [{ id: 'o2' }],
      answerDueAt: PROMISED_DAY + DAY,
    });
    const result = await pull(ctx, [
      pulled('deal', 'd1', stampLocalEdit('deal', deal, null, { at: 500, by: 'desktop' })!),
    ]);
    expect(result.notices).toEqual([{ notice: 'deleted-by-teammate', title: 'Initech rollout' }]);
    expect(await ctx.db.objections.count()).toBe(0);
    // Its removal goes to the team: one the deleting browser had not seen goes everywhere.
    expect((await readOutbox(ctx, 10)).map(({ table, key }) => ({ table, key }))).toEqual([
      { table: 'objections', key: 'o2' },
    ]);
  });
});
