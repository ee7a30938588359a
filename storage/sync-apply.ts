import Dexie from 'dexie';
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
  linkSchema,
  objectionSchema,
  settingsSchema,
  stageChangeSchema,
  type Contact,
  type Deal,
  type Link,
  type Objection,
  type StageChange,
} from './schemas';
import { changedDeal, NO_TOUCH_FIGURES } from './deal-record';
import { getSettings } from './settings';
import { markPullTransaction } from './sync-outbox';
import { sharedFields, syncedKind } from './sync-records';
import { aboutPrivate, withdrawAgain, type KnownMarks } from './sync-private';
import { recomputeDealFigures } from './sync-figures';
import { addPulledTouches } from './sync-apply-touches';
import { recordsUnder } from './index-lookup';
import type { StoreContext } from './db';

/** A merged team record to apply here. */
export interface PulledRecord {
  id: string;
  kind: SyncKind;
  key: string;
  record: SyncRecord;
}

export type TeamNotice = 'deleted-by-teammate' | 'kept-after-deletion';

/** A team record not applied here, and why. */
export interface SetAside {
  id: string;
  reason: string;
  /** A deal's owner that the team's roster does not list (background/sync/roster.ts). */
  notMember?: string;
}

export interface ApplyResult {
  applied: number;
  /** Records not applied, with why: they stay on the server, this browser keeps its own. */
  setAside: SetAside[];
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
  /** The local records of the kind being applied, read for the whole batch at once. */
  locals: Map<string, object | undefined>;
  /** Records of the kind being applied, written together once it is done. */
  writes: object[];
}

/** The tables whose local records a batch reads all at once before applying its kind. */
const READ_AHEAD: Partial<Record<SyncKind, 'deals' | 'contacts' | 'links' | 'objections'>> = {
  deal: 'deals',
  contact: 'contacts',
  link: 'links',
  objection: 'objections',
};

/** Kinds in the order they apply: a touch, link or objection finds its deal already there. */
const ORDER: SyncKind[] = ['settings', 'contact', 'deal', 'objection', 'link', 'stage', 'touch'];

/**
 * Applies merged team records in one transaction. Its writes are not sent back to the team.
 * A record that fails its schema, or would break a unique index, is set aside and named.
 */
export async function applyTeamRecords(
  ctx: StoreContext,
  pulled: PulledRecord[],
  /** The private marks read by earlier batches of the same pull. */
  known: KnownMarks = new Map(),
): Promise<ApplyResult> {
  const { db } = ctx;
  const state: Applying = {
    ctx,
    result: { applied: 0, setAside: [], notices: [], touchedDeals: [] },
    touched: new Set(),
    locals: new Map(),
    writes: [],
  };
  const sorted = [...pulled].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  // Every table: removing a deal a teammate deleted reaches all that hangs on it.
  await db.transaction('rw', db.tables, async () => {
    markPullTransaction(Dexie.currentTransaction!.idbtrans);
    // What the rep keeps private stays as it is here, whatever a teammate did to it.
    const kept = await aboutPrivate(ctx, sorted, known);
    await withdrawAgain(
      ctx,
      sorted.filter((item) => kept.has(item.id)),
    );
    for (const kind of ORDER) {
      const items = sorted.filter((item) => item.kind === kind && !kept.has(item.id));
      // Touches go in all at once, last (ORDER), once their deals are here.
      if (kind === 'touch') await applyTouches(state, items);
      else if (items.length > 0) await applyKind(state, kind, items);
    }
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

/**
 * Applies the records of one kind: their local versions read in one request, each record
 * merged in turn, the results written in one request (a first pull brings thousands).
 */
async function applyKind(state: Applying, kind: SyncKind, items: PulledRecord[]) {
  const table = READ_AHEAD[kind];
  const keys = table ? items.map((item) => item.key) : [];
  const locals = table ? await state.ctx.db.table(table).bulkGet(keys) : [];
  state.locals = new Map(keys.map((key, i) => [key, locals[i] as object | undefined]));
  state.writes = [];
  if (kind === 'stage') await readKnownStages(state, items);
  for (const item of items) {
    try {
      const outcome = applyOne(state, item);
      if (typeof outcome === 'boolean' ? outcome : await outcome) state.result.applied++;
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      state.result.setAside.push({ id: item.id, reason: error.message });
    }
  }
  if (state.writes.length === 0) return;
  if (kind === 'stage') await state.ctx.db.stageHistory.bulkAdd(state.writes as StageChange[]);
  else if (table) await state.ctx.db.table(table).bulkPut(state.writes);
}

/** The local copy of a record of the kind being applied (read ahead by applyKind). */
function localOf<T>(state: Applying, key: string): T | undefined {
  return state.locals.get(key) as T | undefined;
}

/**
 * Applies one record: at once when nothing needs reading (the common case, so a batch of a
 * thousand is not a thousand awaits, which Dexie's transaction zone does not follow), with a
 * promise when it does (a deletion, a contact, the settings).
 */
function applyOne(state: Applying, item: PulledRecord): boolean | Promise<boolean> {
  switch (item.kind) {
    case 'deal':
      return applyDeal(state, item);
    case 'contact':
      return applyContact(state, item);
    case 'link':
      return applyLink(state, item);
    case 'touch':
      // Applied all at once, by applyTouches.
      return false;
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

function applyDeal(state: Applying, item: PulledRecord): boolean | Promise<boolean> {
  const { ctx, result, touched } = state;
  const local = localOf<Deal>(state, item.key);
  if (isDeleted(item.record)) {
    if (!local) return false;
    return deleteDealOfTeammate(ctx, item.key).then(() => {
      result.notices.push({ notice: 'deleted-by-teammate', title: local.title });
      return true;
    });
  }
  if (sameShared('deal', local, item.record)) return false;
  // The private mark is this browser's: a document that names one does not set it here.
  const { private: _mark, ...team } = valuesOf(item.record);
  const merged = { ...DEAL_START, ...local, ...team, id: item.key };
  // Checked as it is stamped: a team record that does not make a deal is refused here.
  const deal = changedDeal(ctx, merged as Deal);
  state.writes.push(deal);
  touched.add(deal.id);
  // Deleted here, then edited by a teammate who had not seen the deletion: it comes back.
  if (!local && item.record.deleted)
    result.notices.push({ notice: 'kept-after-deletion', title: deal.title });
  return true;
}

async function applyContact(state: Applying, item: PulledRecord) {
  const { ctx } = state;
  const local = localOf<Contact>(state, item.key);
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
  // Written at once: the next contact's unique values are checked against this one.
  await ctx.db.contacts.put(contact);
  return true;
}

function applyLink(state: Applying, item: PulledRecord): boolean | Promise<boolean> {
  const local = localOf<Link>(state, item.key);
  if (isDeleted(item.record)) {
    return local ? state.ctx.db.links.delete(item.key).then(() => true) : false;
  }
  if (sameShared('link', local, item.record)) return false;
  state.writes.push(validated('link', linkSchema, { ...valuesOf(item.record), key: item.key }));
  return true;
}

async function applyTouches({ ctx, result, touched }: Applying, items: PulledRecord[]) {
  const added = await addPulledTouches(ctx, items);
  result.applied += added.applied;
  result.setAside.push(...added.setAside);
  for (const dealId of added.dealIds) touched.add(dealId);
}

/** A stage change as known here: its deal, time and stage. */
const stageKey = (change: { dealId: unknown; at: unknown; to: unknown }) =>
  JSON.stringify([change.dealId, change.at, change.to]);

/** Marks the stage changes of a batch already here (read ahead, like other kinds' records). */
async function readKnownStages(state: Applying, items: PulledRecord[]) {
  const moments = items.flatMap((item) => {
    const { dealId, at } = valuesOf(item.record);
    return typeof dealId === 'string' && typeof at === 'number' ? [[dealId, at]] : [];
  });
  const known = await recordsUnder(state.ctx.db.stageHistory, '[dealId+at]', moments);
  for (const change of known) state.locals.set(stageKey(change), change);
}

function applyStage(state: Applying, item: PulledRecord): boolean {
  const change = validated('stage', stageChangeSchema, valuesOf(item.record));
  if (state.locals.has(stageKey(change))) return false;
  // Two copies of one change in a batch go in once.
  state.locals.set(stageKey(change), change);
  state.writes.push(change);
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

function applyObjection(state: Applying, item: PulledRecord): boolean | Promise<boolean> {
  const { ctx, touched } = state;
  const local = localOf<Objection>(state, item.key);
  if (isDeleted(item.record)) {
    if (!local) return false;
    touched.add(local.dealId);
    return ctx.db.objections.delete(item.key).then(() => true);
  }
  if (sameShared('objection', local, item.record)) return false;
  const objection = validated('objection', objectionSchema, {
    ...valuesOf(item.record),
    id: item.key,
    updatedAt: ctx.now(),
  });
  state.writes.push(objection);
  // The promise it holds (or no longer holds) decides when its deal is owed an answer.
  touched.add(objection.dealId);
  if (local && local.dealId !== objection.dealId) touched.add(local.dealId);
  return true;
}
