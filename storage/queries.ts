import Dexie from 'dexie';
import { latestMovementReaching } from '../domain/cadence';
import type { MetricsDeal, StageChangeFacts } from '../domain/metrics';
import { repsOwnerName } from '../domain/owners';
import type { Deal } from './schemas';
import type { StoreContext, ThreadlineDB } from './db';
import { DEAL_FACTS_TABLE } from './deal-facts';
import { DEAL_CARDS_TABLE, type DealCard } from './deal-cards';
import { movementIdOf, movementPrefix } from './open-movement';
import { readSettings } from './settings';

export interface DueScan {
  /** Ids of open, unsnoozed deals past their overdue date, longest-still first. */
  overdue: string[];
  /** ...and those past their due date but not yet overdue. */
  due: string[];
}

/**
 * What is due now, from keys alone: the cadence rule turns "due" and "overdue" into
 * last-movement boundaries (domain/cadence.ts), the open deals' keys of their last movement
 * (storage/open-movement.ts) give the deals before each in one read of a table's own keys,
 * the answerDueAt index the deals owed a promised answer, and the snoozedUntil index the few
 * that are held back.
 *
 * Not cached (unlike the reads below): the worker scans right after every write, when a cache
 * would be cold anyway, and building one costs a cursor over every open deal (about three
 * times these key-only reads on 10,000 deals).
 */
export function scanDue(ctx: StoreContext): Promise<DueScan> {
  const { db } = ctx;
  return db.transaction('r', [db.deals, db.settings, db.openMovement], () => scanDueWithin(ctx));
}

async function scanDueWithin(ctx: StoreContext): Promise<DueScan> {
  const settings = await readSettings(ctx);
  const { cadence } = settings;
  // In a team, or after leaving one: the rep's own deals carry their name.
  const rep = repsOwnerName(settings);
  const now = ctx.now();
  const dueBoundary = latestMovementReaching(cadence.dueAfterDays, cadence.businessDays, now);
  const overdueBoundary = latestMovementReaching(
    cadence.overdueAfterDays,
    cadence.businessDays,
    now,
  );
  // A promised answer is due on its day, and overdue as long after it as overdue follows due
  // (domain/cadence.ts answerOverdueAt). Only open deals owed an answer have an answerDueAt.
  const answerOverdueBoundary = latestMovementReaching(
    cadence.overdueAfterDays - cadence.dueAfterDays,
    cadence.businessDays,
    now,
  );
  const owed = (to: number) => ctx.db.deals.where('answerDueAt').belowOrEqual(to).primaryKeys();
  const [moved, snoozed, owedNow, owedLate, ownersBefore, ownersAfter] = await Promise.all([
    // Every open deal moved before the due boundary, oldest movement first.
    ctx.db.openMovement
      .where('key')
      .below(movementPrefix(dueBoundary + 1))
      .primaryKeys(),
    ctx.db.deals.where('snoozedUntil').above(now).primaryKeys(),
    owed(now),
    owed(answerOverdueBoundary),
    // A teammate's deal is never due for this rep (domain/owners.ts isRepsDeal): the owners
    // before and after the rep's name, two plain ranges (notEqual() walks a cursor, one step
    // per deal, and a teammate's first pull brings ten thousand).
    rep ? ctx.db.deals.where('owner').below(rep).primaryKeys() : [],
    rep ? ctx.db.deals.where('owner').above(rep).primaryKeys() : [],
  ]);
  const held = new Set([...snoozed, ...ownersBefore, ...ownersAfter]);
  // Those moved up to the overdue boundary are overdue (an overdue boundary later than the due
  // one, a cadence set the wrong way round, makes every due deal overdue): each key goes to
  // one set, compared as text (keys sort as times do).
  const overdueBefore = movementPrefix(Math.min(overdueBoundary, dueBoundary) + 1);
  const overdueIds = new Set<string>();
  const dueIds = new Set<string>();
  for (const key of moved) {
    const id = movementIdOf(key);
    if (!held.has(id)) (key < overdueBefore ? overdueIds : dueIds).add(id);
  }
  for (const id of owedLate) {
    if (held.has(id)) continue;
    overdueIds.add(id);
    dueIds.delete(id);
  }
  for (const id of owedNow) if (!held.has(id) && !overdueIds.has(id)) dueIds.add(id);
  const overdue = [...overdueIds];
  const due = [...dueIds];
  return { overdue, due };
}

export interface DueDeal {
  deal: Deal;
  state: 'due' | 'overdue';
}

/** The due and overdue deals themselves, most overdue first, for lists. */
export async function dueDeals(ctx: StoreContext, limit = Infinity): Promise<DueDeal[]> {
  const { overdue, due } = await scanDue(ctx);
  const wanted = [
    ...overdue.map((id) => ({ id, state: 'overdue' as const })),
    ...due.map((id) => ({ id, state: 'due' as const })),
  ].slice(0, limit);
  const deals = await ctx.db.deals.bulkGet(wanted.map((w) => w.id));
  return wanted.flatMap((w, i) => (deals[i] ? [{ deal: deals[i], state: w.state }] : []));
}

/** Deals whose title, company or contacts match the words of a query, newest first. */
export async function searchDeals(
  ctx: StoreContext,
  query: string,
  limit: number,
): Promise<Deal[]> {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const contacts = await ctx.db.contacts.toArray();
  const contactText = new Map(
    contacts.map((c) => [c.id, `${c.name} ${c.email ?? ''} ${c.company}`.toLocaleLowerCase()]),
  );
  const matches: Deal[] = [];
  await ctx.db.deals
    .orderBy('updatedAt')
    .reverse()
    .until(() => matches.length >= limit)
    .each((deal) => {
      const haystack = [
        deal.title,
        deal.company,
        ...deal.contactIds.map((id) => contactText.get(id) ?? ''),
      ]
        .join(' ')
        .toLocaleLowerCase();
      if (words.every((word) => haystack.includes(word))) matches.push(deal);
    });
  return matches;
}

/**
 * Reads the board, the queue and the metrics repeat, kept until their tables change. Dexie
 * announces every committed write as 'storagemutated': in this context at once, and in every
 * other tab, page and the worker through a BroadcastChannel. Each table has a generation that
 * a write to it moves on; a cached read remembers the generations it was read at, and is read
 * again as soon as one has moved. A write landing while the read runs moves the generation
 * past the one the result was stored under, so the next call reads again.
 */
const generations = new Map<string, number>();
let everything = 0;
/** Who wants to hear of changes: "<database>/<table>" keys and what to call. */
const listeners = new Set<{ keys: ReadonlySet<string>; listener: () => void }>();
Dexie.on('storagemutated', (parts) => {
  const changed = new Set<string>();
  let all = false;
  for (const part of Object.keys(parts)) {
    // "idb://<database>/<table>/<index>", or "all" when the page comes back from the bfcache.
    const match = /^idb:\/\/(.*)\/([^/]*)\/[^/]*$/.exec(part);
    if (!match) all = true;
    else changed.add(`${match[1]}/${match[2]}`);
  }
  if (all) everything++;
  for (const key of changed) generations.set(key, (generations.get(key) ?? 0) + 1);
  // Told after the generations moved, so a listener reading again gets the new data.
  for (const { keys, listener } of [...listeners])
    if (all || [...keys].some((key) => changed.has(key))) listener();
});

/**
 * Calls `listener` after every committed write to one of `tables`, here or in another tab,
 * page or the worker (a cached read made then is read afresh). Returns the unsubscribe.
 */
export function onTablesChanged(
  ctx: StoreContext,
  tables: readonly string[],
  listener: () => void,
): () => void {
  const entry = { keys: new Set(tables.map((table) => `${ctx.db.name}/${table}`)), listener };
  listeners.add(entry);
  return () => listeners.delete(entry);
}

const cache = new WeakMap<ThreadlineDB, Map<string, { stamp: string; value: Promise<unknown> }>>();

function cached<T>(
  ctx: StoreContext,
  name: string,
  tables: string[],
  read: () => Promise<T>,
): Promise<T> {
  const stamp = [
    everything,
    ...tables.map((table) => generations.get(`${ctx.db.name}/${table}`) ?? 0),
  ].join(',');
  let entries = cache.get(ctx.db);
  if (!entries) cache.set(ctx.db, (entries = new Map()));
  const hit = entries.get(name);
  if (hit && hit.stamp === stamp) return hit.value as Promise<T>;
  const value = read();
  entries.set(name, { stamp, value });
  // A failed read is not remembered.
  value.catch(() => entries.get(name)?.value === value && entries.delete(name));
  return value;
}

/** Drops what was cached for this connection: for timing a first read (the bench). */
export function forgetCachedReads(ctx: StoreContext): void {
  cache.delete(ctx.db);
}

/** The open deals, read through [status+lastMovementAt], the one index on status (version 5). */
function openDealsCollection(ctx: StoreContext) {
  return ctx.db.deals
    .where('[status+lastMovementAt]')
    .between(['open', Dexie.minKey], ['open', Dexie.maxKey], true, true);
}

/** The open deals, for the board and the follow-up queue; frozen, as they are shared. */
export function openDeals(ctx: StoreContext): Promise<readonly Readonly<Deal>[]> {
  return cached(ctx, 'open deals', ['deals'], async () =>
    Object.freeze((await openDealsCollection(ctx).toArray()).map((deal) => Object.freeze(deal))),
  );
}

/**
 * The open deals' cards (storage/deal-cards.ts), for the board and the follow-up queue: what
 * they show of each deal and nothing more; frozen, as they are shared.
 */
export function openDealCards(ctx: StoreContext): Promise<readonly Readonly<DealCard>[]> {
  return cached(ctx, 'open deal cards', [DEAL_CARDS_TABLE], async () =>
    Object.freeze((await ctx.db.dealCards.toArray()).map((card) => Object.freeze(card))),
  );
}

/** Every stage change, as the board's stagnant marks need it (domain/metrics.ts). */
export function stageHistoryFacts(ctx: StoreContext): Promise<readonly StageChangeFacts[]> {
  return cached(ctx, 'stage history facts', ['stageHistory'], async () =>
    Object.freeze(
      (await ctx.db.stageHistory.toArray()).map(({ dealId, from, to, at }) =>
        Object.freeze({ dealId, from, to, at }),
      ),
    ),
  );
}

/** What domain/metrics.ts needs of every deal and stage change, and nothing more. */
export interface MetricsFacts {
  deals: readonly MetricsDeal[];
  history: readonly StageChangeFacts[];
}

/**
 * The facts the pipeline metrics are worked out from: one thin record per deal, its stage
 * changes inside (storage/deal-facts.ts), in one read.
 */
export function metricsFacts(ctx: StoreContext): Promise<MetricsFacts> {
  return cached(ctx, 'metrics facts', ['deals', 'stageHistory', DEAL_FACTS_TABLE], async () => {
    const records = await ctx.db.dealFacts.toArray();
    const deals: MetricsDeal[] = [];
    const history: { id: number; change: StageChangeFacts }[] = [];
    for (const record of records) {
      if (record.deal) deals.push(Object.freeze(record.deal));
      for (const { id, from, to, at } of record.history)
        history.push({ id, change: Object.freeze({ dealId: record.id, from, to, at }) });
    }
    // In the order the changes were written, as the stage history table holds them.
    history.sort((a, b) => a.id - b.id);
    return Object.freeze({
      deals: Object.freeze(deals),
      history: Object.freeze(history.map(({ change }) => change)),
    });
  });
}
