import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { z } from 'zod';
import { DEAL_STATUSES } from '../domain/types';
import type { MetricsDeal } from '../domain/metrics';
import type { Deal, StageChange } from './schemas';
import { DEAL_CARDS_TABLE, dealCardOf, type DealCard } from './deal-cards';
import { keysInRange } from './dbcore-keys';
import { OPEN_MOVEMENT_TABLE, movementKeyOf } from './open-movement';

// The metrics read every deal and every stage change: 20,000 IndexedDB records on a
// 10,000-deal pipeline, and IndexedDB's cost is mostly per record, not per byte. So each deal
// also has one thin record of what the metrics read of it, its stage changes inside, kept by
// this middleware in the same transaction as every write to `deals` or `stageHistory`, from
// whichever code path (a request, an import, a restore, a pull from the team): half the
// records, a tenth of the bytes. It is derived data: neither backed up nor synced.

export const DEAL_FACTS_TABLE = 'dealFacts';
/** The tables this middleware keeps: derived from deals and stage changes, never backed up. */
export const DERIVED_TABLES: readonly string[] = [
  DEAL_FACTS_TABLE,
  DEAL_CARDS_TABLE,
  OPEN_MOVEMENT_TABLE,
];

const changeFactsSchema = z.object({
  /** The stage history record's id: the order the changes were written in. */
  id: z.number().int(),
  from: z.string().nullable(),
  to: z.string(),
  at: z.number(),
});

export const dealFactsSchema = z.object({
  /** The deal's id. */
  id: z.string(),
  /** What the metrics read of the deal; null for stage changes whose deal is not stored. */
  deal: z
    .object({
      id: z.string(),
      status: z.enum(DEAL_STATUSES),
      value: z.number(),
      stageId: z.string(),
      createdAt: z.number(),
      stageChangedAt: z.number(),
      closedAt: z.number().nullable(),
    })
    .nullable(),
  history: z.array(changeFactsSchema),
});
export type DealFacts = z.infer<typeof dealFactsSchema>;
type ChangeFacts = DealFacts['history'][number];

/** The fields of a deal the metrics read (domain/metrics.ts MetricsDeal). */
export function metricsDealOf(deal: Deal): MetricsDeal {
  const { id, status, value, stageId, createdAt, stageChangedAt, closedAt } = deal;
  return { id, status, value, stageId, createdAt, stageChangedAt, closedAt };
}

/** What a write does to the facts: per deal id, its new fields and its stage changes. */
interface FactsChange {
  deals: Map<string, MetricsDeal | null>;
  /** History ids to drop, by the deal they were under. */
  dropped: Map<string, Set<number>>;
  added: Map<string, ChangeFacts[]>;
  /** Per deal id written or deleted, its card (storage/deal-cards.ts); null if it has none. */
  cards: Map<string, DealCard | null>;
}

const emptyChange = (): FactsChange => ({
  deals: new Map(),
  dropped: new Map(),
  added: new Map(),
  cards: new Map(),
});

function applyChange(id: string, stored: DealFacts | undefined, change: FactsChange) {
  const dropped = change.dropped.get(id);
  const added = change.added.get(id) ?? [];
  const addedIds = new Set(added.map((c) => c.id));
  const history = [
    ...(stored?.history ?? []).filter((c) => !dropped?.has(c.id) && !addedIds.has(c.id)),
    ...added,
  ];
  const deal = change.deals.has(id) ? change.deals.get(id)! : (stored?.deal ?? null);
  return { id, deal, history };
}

/** Past this many deals, their facts may be read in one range read, not one read each. */
const ONE_READ_FROM = 64;

const readEach = (facts: DBCoreTable, trans: DBCoreTransaction, ids: string[]) =>
  facts
    .getMany({ trans, keys: ids })
    .then((found: (DealFacts | undefined)[]) => new Map(ids.map((id, i) => [id, found[i]!])));

/**
 * The stored facts of these deals. A restore or an import writes thousands of deals in one
 * request: one range read over their ids then costs far less than a read each, as long as
 * the range holds few other deals (counted first).
 */
function storedFacts(
  facts: DBCoreTable,
  trans: DBCoreTransaction,
  ids: string[],
): Promise<Map<string, DealFacts>> {
  if (ids.length < ONE_READ_FROM) return readEach(facts, trans, ids);
  const sorted = [...ids].sort();
  const query = {
    index: facts.schema.primaryKey,
    range: {
      type: 2 as DBCoreKeyRange['type'],
      lower: sorted[0],
      upper: sorted.at(-1),
      lowerOpen: false,
      upperOpen: false,
    },
  };
  return facts
    .count({ trans, query })
    .then((inRange) =>
      inRange > 2 * ids.length
        ? readEach(facts, trans, ids)
        : facts
            .query({ trans, values: true, query })
            .then(({ result }) => new Map((result as DealFacts[]).map((f) => [f.id, f]))),
    );
}

/**
 * Writes the open deals' cards and drops those of deals closed or deleted. A deal has a card
 * exactly when its stored facts say it is open (both are kept by this middleware), so a write
 * of closed deals (most of a restore) deletes nothing that is not there.
 */
function writeCards(
  down: DBCore,
  trans: DBCoreTransaction,
  cards: FactsChange['cards'],
  stored: Map<string, DealFacts>,
) {
  const put = [...cards.values()].filter((card) => card !== null);
  const gone = [...cards]
    .filter(([id, card]) => card === null && stored.get(id)?.deal?.status === 'open')
    .map(([id]) => id);
  const table = down.table(DEAL_CARDS_TABLE);
  // Read before the cards are written (requests run in order): the keys they had.
  const ids = [...cards.keys()];
  const before = table.getMany({ trans, keys: ids });
  return Promise.all([
    put.length ? table.mutate({ type: 'put', trans, values: put }) : null,
    gone.length ? table.mutate({ type: 'delete', trans, keys: gone }) : null,
    before.then((old: (DealCard | undefined)[]) =>
      writeMovement(down, trans, cards, new Map(ids.map((id, i) => [id, old[i]]))),
    ),
  ]);
}

/** Moves each written deal's key of its last movement (storage/open-movement.ts) with its card. */
function writeMovement(
  down: DBCore,
  trans: DBCoreTransaction,
  cards: FactsChange['cards'],
  before: Map<string, DealCard | undefined>,
) {
  const gone: string[] = [];
  const put: { key: string }[] = [];
  for (const [id, card] of cards) {
    const was = before.get(id);
    const key = card && movementKeyOf(card);
    const wasKey = was && movementKeyOf(was);
    if (key === wasKey) continue;
    if (wasKey) gone.push(wasKey);
    if (key) put.push({ key });
  }
  const table = down.table(OPEN_MOVEMENT_TABLE);
  return Promise.all([
    gone.length ? table.mutate({ type: 'delete', trans, keys: gone }) : null,
    put.length ? table.mutate({ type: 'put', trans, values: put }) : null,
  ]);
}

/** Writes a change into the facts and cards tables, in the transaction of the write it follows. */
function writeFacts(down: DBCore, trans: DBCoreTransaction, change: FactsChange) {
  const facts = down.table(DEAL_FACTS_TABLE);
  const ids = [
    ...new Set([...change.deals.keys(), ...change.dropped.keys(), ...change.added.keys()]),
  ];
  if (ids.length === 0) return Promise.resolve();
  return storedFacts(facts, trans, ids).then((stored) => {
    // A touch rewrites its deal but none of the fields the metrics read: no write then.
    const next = ids
      .map((id) => applyChange(id, stored.get(id), change))
      .filter((f) => JSON.stringify(f) !== JSON.stringify(stored.get(f.id)));
    const kept = next.filter((f) => f.deal !== null || f.history.length > 0);
    const gone = next.filter((f) => f.deal === null && f.history.length === 0).map((f) => f.id);
    return Promise.all([
      kept.length ? facts.mutate({ type: 'put', trans, values: kept }) : null,
      gone.length ? facts.mutate({ type: 'delete', trans, keys: gone }) : null,
      writeCards(down, trans, change.cards, stored),
    ]);
  });
}

/** The primary keys a delete request removes (a range is looked up first). */
function deletedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  return req.type === 'delete' ? Promise.resolve(req.keys) : keysInRange(table, req);
}

/** The values an add or put wrote, with their keys (failed ones left out). */
function written(req: DBCoreMutateRequest, res: DBCoreMutateResponse): [unknown, unknown][] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  const keys = res.results ?? req.keys ?? [];
  return req.values.flatMap((value, i) => (i in res.failures ? [] : [[keys[i], value]]));
}

function factsOfDeals(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      return deletedKeys(table, req).then((deleted) =>
        table.mutate(req).then((res) => {
          const change = emptyChange();
          for (const key of deleted) {
            change.deals.set(String(key), null);
            change.cards.set(String(key), null);
          }
          for (const [, value] of written(req, res)) {
            change.deals.set((value as Deal).id, metricsDealOf(value as Deal));
            change.cards.set((value as Deal).id, dealCardOf(value as Deal));
          }
          return writeFacts(down, req.trans, change).then(() => res);
        }),
      );
    },
  };
}

/** The stage changes a write replaces or removes, read before it. */
function replacedChanges(table: DBCoreTable, req: DBCoreMutateRequest): Promise<StageChange[]> {
  const { trans } = req;
  if (req.type === 'deleteRange')
    return table
      .query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
      .then((found) => found.result as StageChange[]);
  const keys =
    req.type === 'delete'
      ? req.keys
      : req.type === 'put'
        ? (req.keys ?? req.values.map((v) => (v as StageChange).id)).filter((k) => k !== undefined)
        : [];
  if (keys.length === 0) return Promise.resolve([]);
  return table.getMany({ trans, keys }).then((found) => found.filter(Boolean) as StageChange[]);
}

function factsOfHistory(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      return replacedChanges(table, req).then((before) =>
        table.mutate(req).then((res) => {
          const change = emptyChange();
          for (const { id, dealId } of before) {
            if (!change.dropped.has(dealId)) change.dropped.set(dealId, new Set());
            change.dropped.get(dealId)!.add(id!);
          }
          for (const [key, value] of written(req, res)) {
            const { dealId, from, to, at } = value as StageChange;
            if (!change.added.has(dealId)) change.added.set(dealId, []);
            change.added.get(dealId)!.push({ id: key as number, from, to, at });
          }
          return writeFacts(down, req.trans, change).then(() => res);
        }),
      );
    },
  };
}

const isUpgrade = (trans: DBCoreTransaction) =>
  (trans as unknown as { mode?: string }).mode === 'versionchange';

/** Transactions that work the facts and cards out once at their end (a restore). */
const derivingAtEnd = new WeakSet<object>();

/**
 * Marks a Dexie transaction (its `idbtrans`) as one whose writes to deals and stage changes
 * this middleware leaves alone: the transaction itself writes the facts and cards before it
 * ends (storage/restore.ts), one bulk write instead of a read and a write per request.
 */
export function deriveFactsAtEnd(trans: object): void {
  derivingAtEnd.add(trans);
}

/** Whether this middleware keeps the facts in a transaction as each write comes. */
const keepsAsWritten = (trans: DBCoreTransaction) => !isUpgrade(trans) && !derivingAtEnd.has(trans);

/** The Dexie middleware that keeps the deal facts (ThreadlineDB installs it). */
export const dealFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'deal-facts',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const keeps =
          mode === 'readwrite' && (stores.includes('deals') || stores.includes('stageHistory'));
        const missing = keeps ? DERIVED_TABLES.filter((name) => !stores.includes(name)) : [];
        return down.transaction([...stores, ...missing], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'deals' && name !== 'stageHistory') return table;
        const kept = name === 'deals' ? factsOfDeals(down, table) : factsOfHistory(down, table);
        // An upgrade rebuilds the facts and cards once at its end (rebuildDealFacts,
        // rebuildDealCards), and the tables may not exist yet in the versions it passes through;
        // a restore works them out at its end too.
        return { ...kept, mutate: (req) => (keepsAsWritten(req.trans) ? kept : table).mutate(req) };
      },
    };
  },
};

/**
 * Every deal's facts worked out afresh from all the deals and all the stage changes (each
 * with its id): the changes in id order, the order they were written in.
 */
export function dealFactsOf(deals: readonly Deal[], history: readonly StageChange[]): DealFacts[] {
  const facts = new Map<string, DealFacts>(
    deals.map((deal) => [deal.id, { id: deal.id, deal: metricsDealOf(deal), history: [] }]),
  );
  for (const { id, dealId, from, to, at } of [...history].sort((a, b) => a.id! - b.id!)) {
    if (!facts.has(dealId)) facts.set(dealId, { id: dealId, deal: null, history: [] });
    facts.get(dealId)!.history.push({ id: id!, from, to, at });
  }
  return [...facts.values()];
}

/**
 * What every table in DERIVED_TABLES holds, worked out from all the deals and stage changes
 * (a restore writes them from this once its deals and stage changes are written).
 */
export function derivedRowsOf(
  deals: readonly Deal[],
  history: readonly StageChange[],
): Map<string, readonly object[]> {
  const cards = deals.map(dealCardOf).filter((card) => card !== null);
  return new Map<string, readonly object[]>([
    [DEAL_FACTS_TABLE, dealFactsOf(deals, history)],
    [DEAL_CARDS_TABLE, cards],
    [OPEN_MOVEMENT_TABLE, cards.map((card) => ({ key: movementKeyOf(card) }))],
  ]);
}

/** Works every deal's facts out afresh from the deals and the stage history (an upgrade). */
export async function rebuildDealFacts(tx: Transaction): Promise<void> {
  const deals = await tx.table<Deal, string>('deals').toArray();
  const history = await tx.table<StageChange, number>('stageHistory').toArray();
  const table = tx.table<DealFacts, string>(DEAL_FACTS_TABLE);
  await table.clear();
  await table.bulkAdd(dealFactsOf(deals, history));
}
