import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import { lastMovementAt } from '../domain/cadence';
import { dealFactsMiddleware, rebuildDealFacts, type DealFacts } from './deal-facts';
import { rebuildDealCards, type DealCard } from './deal-cards';
import { rebuildOpenMovement, type OpenMovement } from './open-movement';
import { outboxMiddleware, type OutboxEntry } from './sync-outbox';
import type { Contact, Deal, Link, Objection, Settings, StageChange, Touch } from './schemas';

export const DATABASE_NAME = 'threadline';

/**
 * Every schema version the database has had, oldest first. Never edit a published entry:
 * add a new version (with an upgrade function where data must change) and a migration test
 * that opens the previous version's frozen fixture (tests/fixtures/schema/).
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      deals: 'id, stageId, status, [status+lastMovementAt], *contactIds, updatedAt',
      contacts: 'id, email, &linkedinUrl, name',
      links: 'key, dealId',
      touches: 'id, dealId, [dealId+at], &sourceKey',
      stageHistory: '++id, dealId, [dealId+at]',
      settings: 'key',
    },
  },
  {
    // Snoozed deals get an index (null is not indexed, so it holds only snoozed ones): the
    // due scan then never has to read a deal record.
    version: 2,
    stores: {
      deals: 'id, stageId, status, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil',
      contacts: 'id, email, &linkedinUrl, name',
      links: 'key, dealId',
      touches: 'id, dealId, [dealId+at], &sourceKey',
      stageHistory: '++id, dealId, [dealId+at]',
      settings: 'key',
    },
  },
  {
    // Same tables; each deal's lastMovementAt is worked out again: creation now counts as
    // movement only for a deal with no touches (domain/cadence.ts).
    version: 3,
    stores: {
      deals: 'id, stageId, status, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil',
      contacts: 'id, email, &linkedinUrl, name',
      links: 'key, dealId',
      touches: 'id, dealId, [dealId+at], &sourceKey',
      stageHistory: '++id, dealId, [dealId+at]',
      settings: 'key',
    },
  },
  {
    // A contact keeps LinkedIn's member id beside its profile address (uniquely indexed, so a
    // conversation naming the person by member id finds them); the settings gain the choice
    // to link LinkedIn conversations by themselves, off.
    version: 4,
    stores: {
      deals: 'id, stageId, status, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, dealId, [dealId+at], &sourceKey',
      stageHistory: '++id, dealId, [dealId+at]',
      settings: 'key',
    },
  },
  {
    // Indexes a compound index already covers are dropped: Dexie answers a query on `dealId`
    // (touches, stage history) or `status` (deals) from the compound index that starts with
    // it, and every index dropped is one entry fewer to write per record (a restore writes
    // 100,000 touches).
    version: 5,
    stores: {
      deals: 'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
    },
  },
  {
    // Objections get a table of their own: one record each, with its deal, kind and times
    // (a deal's by [dealId+createdAt], a kind's answers by kind, changes by updatedAt). An
    // open deal owed a promised answer is found by answerDueAt (null on every other deal, and
    // null is not indexed: the index holds only the deals waiting on an answer). Not a
    // compound starting with status: Dexie would answer `status` queries from it.
    version: 6,
    stores: {
      deals:
        'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil, answerDueAt',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
      objections: 'id, [dealId+createdAt], kind, updatedAt',
    },
  },
  {
    // The team sync's outbox: one note per write to a shared table, written in the same
    // transaction (storage/sync-outbox.ts), read in order and by record by the worker.
    version: 7,
    stores: {
      deals:
        'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil, answerDueAt',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
      objections: 'id, [dealId+createdAt], kind, updatedAt',
      syncOutbox: '++seq, [table+key]',
    },
  },
  {
    // Each deal has an owner (null without a team, and null is not indexed: the index holds
    // only owned deals). The due scan leaves out deals owned by someone else from the index
    // alone, and the deal page offers the owners there are from its keys.
    version: 8,
    stores: {
      deals:
        'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil, answerDueAt, owner',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
      objections: 'id, [dealId+createdAt], kind, updatedAt',
      syncOutbox: '++seq, [table+key]',
    },
  },
  {
    // Each deal gets one thin record of what the metrics read of it, its stage changes inside
    // (storage/deal-facts.ts, kept in the transaction of every write to deals or stageHistory):
    // the metrics read 10,000 small records instead of 20,000, most of them whole deals.
    version: 9,
    stores: {
      deals:
        'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil, answerDueAt, owner',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
      objections: 'id, [dealId+createdAt], kind, updatedAt',
      syncOutbox: '++seq, [table+key]',
      dealFacts: 'id',
    },
  },
  {
    // Each open deal gets one thin card of what the board and the queue show of it
    // (storage/deal-cards.ts, kept with the deal facts): their first read takes 3,313 small
    // records on the bench's pipeline instead of 3,313 whole deals. Closed deals have none.
    version: 10,
    stores: {
      deals:
        'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil, answerDueAt, owner',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
      objections: 'id, [dealId+createdAt], kind, updatedAt',
      syncOutbox: '++seq, [table+key]',
      dealFacts: 'id',
      dealCards: 'id',
    },
  },
  {
    // Each open deal gets one key of its last movement and id (storage/open-movement.ts, kept
    // with its card): the due scan reads this table's keys, not an index, whose every entry
    // IndexedDB checks against its record.
    version: 11,
    stores: {
      deals:
        'id, stageId, [status+lastMovementAt], *contactIds, updatedAt, snoozedUntil, answerDueAt, owner',
      contacts: 'id, email, &linkedinUrl, name, &linkedinMemberId',
      links: 'key, dealId',
      touches: 'id, [dealId+at], &sourceKey',
      stageHistory: '++id, [dealId+at]',
      settings: 'key',
      objections: 'id, [dealId+createdAt], kind, updatedAt',
      syncOutbox: '++seq, [table+key]',
      dealFacts: 'id',
      dealCards: 'id',
      openMovement: 'key',
    },
  },
];

/** Gives every record of a table that lacks a field added in a later version its default. */
function fillIn<T>(tx: Transaction, table: string, field: keyof T, value: unknown) {
  return tx
    .table<T>(table)
    .toCollection()
    .modify((record) => {
      (record as Record<keyof T, unknown>)[field] ??= value;
    });
}

/** The data changes a version makes as the database is opened, by version. */
const UPGRADES: Record<number, (tx: Transaction) => Promise<unknown>> = {
  3: (tx) =>
    tx
      .table<Deal, string>('deals')
      .toCollection()
      .modify((deal) => {
        deal.lastMovementAt = lastMovementAt(deal);
      }),
  4: async (tx) => {
    await fillIn<Contact>(tx, 'contacts', 'linkedinMemberId', null);
    await fillIn<Settings>(tx, 'settings', 'linkedinAutoLink', false);
  },
  6: (tx) => fillIn<Deal>(tx, 'deals', 'answerDueAt', null),
  8: async (tx) => {
    await fillIn<Deal>(tx, 'deals', 'owner', null);
    await fillIn<Settings>(tx, 'settings', 'teamMember', null);
  },
  9: rebuildDealFacts,
  10: rebuildDealCards,
  11: rebuildOpenMovement,
};

export class ThreadlineDB extends Dexie {
  deals!: EntityTable<Deal, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  links!: EntityTable<Link, 'key'>;
  touches!: EntityTable<Touch, 'id'>;
  stageHistory!: Table<StageChange, number>;
  settings!: EntityTable<Settings, 'key'>;
  objections!: EntityTable<Objection, 'id'>;
  syncOutbox!: Table<OutboxEntry, number>;
  dealFacts!: EntityTable<DealFacts, 'id'>;
  dealCards!: EntityTable<DealCard, 'id'>;
  openMovement!: EntityTable<OpenMovement, 'key'>;

  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      const upgrade = UPGRADES[version];
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(outboxMiddleware);
    this.use(dealFactsMiddleware);
  }
}

/** What every write operation needs: the database and a clock (tests pass a fixed one). */
export interface StoreContext {
  db: ThreadlineDB;
  now: () => number;
}

export function storeContext(db = new ThreadlineDB(), now: () => number = Date.now): StoreContext {
  return { db, now };
}
