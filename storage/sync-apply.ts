import Dexie from 'dexie';
import { lastMovementAt } from '../domain/cadence';
import {
  canonical,
  isDeleted,
  valuesOf,
  type SyncKind,
  type SyncRecord,
} from '../domain/sync-merge';
import { deleteDeal } from './deals';
import { StorageError, validated } from './errors';
import {
  contactSchema,
  dealSchema,
  linkSchema,
  objectionSchema,
  settingsSchema,
  stageChangeSchema,
} from './schemas';
import { NO_TOUCH_FIGURES } from './deal-record';
import { getSettings } from './settings';
import { markPullTransaction } from './sync-outbox';
import { sharedFields, syncedKind } from './sync-records';
import { aboutPrivate, withdrawAgain } from './sync-private';
import { recomputeDealFigures } from './sync-figures';
import { addPulledTouches } from './sync-apply-touches';
import type { StoreContext } from './db';

/** A merged team record to apply here. */
export interface PulledRecord {
  id: string;
  kind: SyncKind;
  key: string;
  record: SyncRecord;
}

export type TeamNotice = 'deleted-by-teammate' | 'kept-after-deletion';

export interface ApplyResult {
  applied: number;
  /** Records not applied, with why: they stay on the server, this browser keeps its own. */
  setAside: { id: string; reason: string }[];
  /** What the rep must be told about deletions. */
  notices: { notice: TeamNotice; title: string }[];
  /** Deals whose derived figures must be worked out again (recomputeFigures), once per pull. */
  touchedDeals: string[];
}

interface Applying {
  ctx: StoreContext;
  result: ApplyResult;
  /** Deals whose derived figures must be worked out again once everything is in. */
  touched: Set<string>;
}

/** Kinds in the order they apply: a touch, link or objection finds its deal already there. */
const ORDER: SyncKind[] = ['settings', 'contact', 'deal', 'objection', 'link', 'stage', 'touch'];

/**
 * Applies merged team records in one transaction. Its writes are not sent back to the team.
 * A record that fails its schema, or would break a unique index, is set aside and named.
 */
export async function applyTeamRecords(
  ctx: StoreContext,
  pulled: PulledRecord[],
): Promise<ApplyResult> {
  const { db } = ctx;
  const state: Applying = {
    ctx,
    result: { applied: 0, setAside: [], notices: [], touchedDeals: [] },
    touched: new Set(),
  };
  const sorted = [...pulled].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  // Every table: removing a deal a teammate deleted reaches all that hangs on it.
  await db.transaction('rw', db.tables, async () => {
    markPullTransaction(Dexie.currentTransaction!.idbtrans);
    // What the rep keeps private stays as it is here, whatever a teammate did to it.
    const kept = await aboutPrivate(ctx, sorted);
    await withdrawAgain(
      ctx,
      sorted.filter((item) => kept.has(item.id)),
    );
    for (const item of sorted) {
      // Touches go in all at once, last (ORDER), once their deals are here.
      if (kept.has(item.id) || item.kind === 'touch') continue;
      try {
        if (await applyOne(state, item)) state.result.applied++;
      } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        state.result.setAside.push({ id: item.id, reason: error.message });
      }
    }
    const touches = sorted.filter((item) => item.kind === 'touch' && !kept.has(item.id));
    await applyTouches(state, touches);
  });
  state.result.touchedDeals = [...state.touched];
  return state.result;
}

/**
 * Works out the derived figures (follow-ups, last touch, due state, the day an answer is owed)
 * of deals whose touches or objections came from the team: they are never synced, each
 * browser recomputes its own.
 */
export function recomputeFigures(ctx: StoreContext, dealIds: Iterable<string>): Promise<void> {
  return recomputeDealFigures(ctx, dealIds);
}

function applyOne(state: Applying, item: PulledRecord): Promise<boolean> {
  switch (item.kind) {
    case 'deal':
      return applyDeal(state, item);
    case 'contact':
      return applyContact(state, item);
    case 'link':
      return applyLink(state, item);
    case 'touch':
      // Applied all at once, by applyTouches.
      return Promise.resolve(false);
    case 'stage':
      return applyStage(state, item);
    case 'settings':
      return applySettings(state, item);
    case 'objection':
      return applyObjection(state, item);
  }
}

/** Whether a local record already holds exactly the shared values of a team record. */
function sameShared(kind: SyncKind, local: object | undefined, record: SyncRecord): boolean {
  if (!local) return false;
  const entry = syncedKind(kind)!;
  return canonical(sharedFields(entry, local)) === canonical(sharedFields(entry, valuesOf(record)));
}

/** The figures a new deal starts with here; touches pulled with it fill them in. */
const DEAL_START = {
  updatedAt: 0,
  snoozedUntil: null,
  ...NO_TOUCH_FIGURES,
  answerDueAt: null,
};

async function applyDeal({ ctx, result, touched }: Applying, item: PulledRecord) {
  const local = await ctx.db.deals.get(item.key);
  if (isDeleted(item.record)) {
    if (!local) return false;
    await deleteDealOfTeammate(ctx, item.key);
    result.notices.push({ notice: 'deleted-by-teammate', title: local.title });
    return true;
  }
  if (sameShared('deal', local, item.record)) return false;
  // The private mark is this browser's: a document that names one does not set it here.
  const { private: _mark, ...team } = valuesOf(item.record);
  const merged = { ...DEAL_START, ...local, ...team, id: item.key };
  const deal = validated('deal', dealSchema, {
    ...merged,
    updatedAt: ctx.now(),
    lastMovementAt: lastMovementAt(merged as Parameters<typeof lastMovementAt>[0]),
  });
  await ctx.db.deals.put(deal);
  touched.add(deal.id);
  // Deleted here, then edited by a teammate who had not seen the deletion: it comes back.
  if (!local && item.record.deleted)
    result.notices.push({ notice: 'kept-after-deletion', title: deal.title });
  return true;
}

async function applyContact({ ctx }: Applying, item: PulledRecord) {
  const local = await ctx.db.contacts.get(item.key);
  if (isDeleted(item.record)) {
    if (local) await ctx.db.contacts.delete(item.key);
    return Boolean(local);
  }
  if (sameShared('contact', local, item.record)) return false;
  const contact = validated('contact', contactSchema, { ...valuesOf(item.record), id: item.key });
  for (const index of ['linkedinUrl', 'linkedinMemberId'] as const) {
    const value = contact[index];
    const holder = value === null ? undefined : await ctx.db.contacts.get({ [index]: value });
    if (holder && holder.id !== contact.id)
      throw new StorageError('conflict', `contact.${index}: another contact here has it`, {
        field: index,
      });
  }
  await ctx.db.contacts.put(contact);
  return true;
}

async function applyLink({ ctx }: Applying, item: PulledRecord) {
  const local = await ctx.db.links.get(item.key);
  if (isDeleted(item.record)) {
    if (local) await ctx.db.links.delete(item.key);
    return Boolean(local);
  }
  if (sameShared('link', local, item.record)) return false;
  await ctx.db.links.put(
    validated('link', linkSchema, { ...valuesOf(item.record), key: item.key }),
  );
  return true;
}

async function applyTouches({ ctx, result, touched }: Applying, items: PulledRecord[]) {
  const added = await addPulledTouches(ctx, items);
  result.applied += added.applied;
  result.setAside.push(...added.setAside);
  for (const dealId of added.dealIds) touched.add(dealId);
}

async function applyStage({ ctx }: Applying, item: PulledRecord) {
  const change = validated('stage', stageChangeSchema, valuesOf(item.record));
  const known = await ctx.db.stageHistory
    .where('[dealId+at]')
    .equals([change.dealId, change.at])
    .filter((c) => c.to === change.to)
    .count();
  if (known > 0) return false;
  await ctx.db.stageHistory.add(change);
  return true;
}

async function applySettings({ ctx }: Applying, item: PulledRecord) {
  const current = await getSettings(ctx);
  if (sameShared('settings', current, item.record)) return false;
  const values = valuesOf(item.record);
  await ctx.db.settings.put(
    validated('settings', settingsSchema, {
      ...current,
      stages: values.stages ?? current.stages,
      cadence: values.cadence ?? current.cadence,
      currency: values.currency ?? current.currency,
    }),
  );
  return true;
}

/**
 * Removes a deal a teammate deleted, with all that hangs on it. Its objections' removal goes
 * back to the team: one logged or answered elsewhere before the deletion was seen goes too.
 */
async function deleteDealOfTeammate(ctx: StoreContext, dealId: string) {
  const objections = await ctx.db.objections
    .where('[dealId+createdAt]')
    .between([dealId, 0], [dealId, Infinity])
    .primaryKeys();
  await deleteDeal(ctx, dealId, true);
  const at = ctx.now();
  await ctx.db.syncOutbox.bulkAdd(objections.map((key) => ({ table: 'objections', key, at })));
}

async function applyObjection({ ctx, touched }: Applying, item: PulledRecord) {
  const local = await ctx.db.objections.get(item.key);
  if (isDeleted(item.record)) {
    if (!local) return false;
    await ctx.db.objections.delete(item.key);
    touched.add(local.dealId);
    return true;
  }
  if (sameShared('objection', local, item.record)) return false;
  const objection = validated('objection', objectionSchema, {
    ...valuesOf(item.record),
    id: item.key,
    updatedAt: ctx.now(),
  });
  await ctx.db.objections.put(objection);
  // The promise it holds (or no longer holds) decides when its deal is owed an answer.
  touched.add(objection.dealId);
  if (local && local.dealId !== objection.dealId) touched.add(local.dealId);
  return true;
}
