import {
  answersThatWorked,
  earliestAnswerDue,
  isPromiseOpen,
  kindKey,
  normalizeKind,
  type AnswerThatWorked,
} from '../domain/objections';
import type { DealStatus } from '../domain/types';
import { StorageError, validated } from './errors';
import {
  answerObjectionInput,
  logObjectionInput,
  type AnswerObjectionInput,
  type LogObjectionInput,
} from './inputs';
import { objectionSchema, type Deal, type Objection, type Touch } from './schemas';
import type { StoreContext } from './db';
import { mutateDeal, requireDeal } from './deal-record';

// Objections are records of their own (id, deal, times), never a list inside the deal: each
// is written once and changed only to add its answer. The deal keeps one derived figure, the
// day its earliest open promise is due (answerDueAt), written in the same transaction.

export interface ObjectionResult {
  objection: Objection;
  deal: Deal;
}

/** A deal's objections, oldest first. */
export function objectionsOfDeal(ctx: StoreContext, dealId: string): Promise<Objection[]> {
  return ctx.db.objections
    .where('[dealId+createdAt]')
    .between([dealId, 0], [dealId, Infinity])
    .toArray();
}

/** The day an open deal is owed an answer: its earliest open promise; never for a closed deal. */
async function answerDueOf(ctx: StoreContext, deal: Deal): Promise<number | null> {
  return deal.status === 'open' ? earliestAnswerDue(await objectionsOfDeal(ctx, deal.id)) : null;
}

/** Works the deal's answerDueAt out again from its objections, inside the caller's transaction. */
export function refreshAnswerDue(ctx: StoreContext, dealId: string): Promise<Deal> {
  return mutateDeal(
    ctx,
    dealId,
    async (deal) => ({ ...deal, answerDueAt: await answerDueOf(ctx, deal) }),
    [ctx.db.objections],
  );
}

/** Logs an objection on a deal, in the stage the deal is in; a promised answer makes it due. */
export async function logObjection(
  ctx: StoreContext,
  input: LogObjectionInput,
): Promise<ObjectionResult> {
  const parsed = validated('objection', logObjectionInput, input);
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.objections, async () => {
    const deal = await requireDeal(ctx, parsed.dealId);
    const now = ctx.now();
    const objection = validated('objection', objectionSchema, {
      id: crypto.randomUUID(),
      dealId: deal.id,
      kind: normalizeKind(parsed.kind),
      words: parsed.words,
      answer: parsed.answer,
      stageId: deal.stageId,
      answerDueAt: parsed.answerDueAt,
      promiseClosedAt: null,
      answeredAt: parsed.answer ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await db.objections.add(objection);
    return { objection, deal: await refreshAnswerDue(ctx, deal.id) };
  });
}

/** Gives the answer to an objection; a promise of an answer is kept by it. */
export async function answerObjection(
  ctx: StoreContext,
  input: AnswerObjectionInput,
): Promise<ObjectionResult> {
  const { id, answer } = validated('answer', answerObjectionInput, input);
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.objections, async () => {
    const current = await requireObjection(ctx, id);
    const now = ctx.now();
    const objection = validated('objection', objectionSchema, {
      ...current,
      answer,
      answeredAt: now,
      promiseClosedAt: isPromiseOpen(current) ? now : current.promiseClosedAt,
      updatedAt: now,
    });
    await db.objections.put(objection);
    return { objection, deal: await refreshAnswerDue(ctx, objection.dealId) };
  });
}

/** Removes an objection logged by mistake; a promise it held no longer makes the deal due. */
export async function deleteObjection(ctx: StoreContext, id: string): Promise<Deal> {
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.objections, async () => {
    const objection = await requireObjection(ctx, id);
    await db.objections.delete(id);
    return refreshAnswerDue(ctx, objection.dealId);
  });
}

async function requireObjection(ctx: StoreContext, id: string): Promise<Objection> {
  const objection = await ctx.db.objections.get(id);
  if (!objection)
    throw new StorageError('not-found', `No objection with id ${id}`, { field: 'objectionId' });
  return objection;
}

/**
 * A message to the prospect keeps every promise made before it went out: called as the
 * touch is recorded, in its transaction, with the deal as the touch leaves it.
 */
export async function keepPromisesBy(ctx: StoreContext, deal: Deal, touch: Touch): Promise<Deal> {
  if (deal.answerDueAt === null || touch.direction !== 'outbound' || touch.channel === 'note')
    return deal;
  const kept = (await objectionsOfDeal(ctx, deal.id)).filter(
    (o) => isPromiseOpen(o) && o.createdAt <= touch.at,
  );
  if (kept.length === 0) return deal;
  const now = ctx.now();
  await ctx.db.objections.bulkPut(
    kept.map((o) => ({ ...o, promiseClosedAt: now, updatedAt: now })),
  );
  return { ...deal, answerDueAt: await answerDueOf(ctx, deal) };
}

/**
 * An undone send keeps no promise: the promises it closed (unanswered, closed as it was
 * recorded or later) are open again. Called in the transaction that removes the touch.
 */
export async function reopenPromisesOf(ctx: StoreContext, touch: Touch): Promise<void> {
  const closed = (await objectionsOfDeal(ctx, touch.dealId)).filter(
    (o) =>
      o.answeredAt === null && o.promiseClosedAt !== null && o.promiseClosedAt >= touch.createdAt,
  );
  if (closed.length === 0) return;
  const now = ctx.now();
  await ctx.db.objections.bulkPut(
    closed.map((o) => ({ ...o, promiseClosedAt: null, updatedAt: now })),
  );
  await refreshAnswerDue(ctx, touch.dealId);
}

/** The answers that worked (given on won deals) for a kind, newest first. */
export async function answersForKind(
  ctx: StoreContext,
  kind: string,
  limit: number,
): Promise<AnswerThatWorked[]> {
  const { db } = ctx;
  return db.transaction('r', db.deals, db.objections, async () => {
    const ofKind = await db.objections
      .where('kind')
      .equalsIgnoreCase(normalizeKind(kind))
      .filter((o) => kindKey(o.kind) === kindKey(kind) && o.answer !== '')
      .toArray();
    const deals = await db.deals.bulkGet([...new Set(ofKind.map((o) => o.dealId))]);
    const statusOf = new Map<string, DealStatus>(
      deals.flatMap((deal) => (deal ? [[deal.id, deal.status] as const] : [])),
    );
    return answersThatWorked(ofKind, statusOf, kind).slice(0, limit);
  });
}

/** Every objection and every deal's outcome: what the cheat sheet is worked out from. */
export function cheatSheetFacts(
  ctx: StoreContext,
): Promise<{ objections: Objection[]; deals: { id: string; status: DealStatus }[] }> {
  const { db } = ctx;
  return db.transaction('r', db.deals, db.objections, async () => {
    const objections = await db.objections.toArray();
    const ids = [...new Set(objections.map((o) => o.dealId))];
    const deals = await db.deals.bulkGet(ids);
    return {
      objections,
      deals: deals.flatMap((deal) => (deal ? [{ id: deal.id, status: deal.status }] : [])),
    };
  });
}
