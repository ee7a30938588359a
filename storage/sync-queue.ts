import { TEAM_MARK_SEQ, type OutboxEntry } from './sync-outbox';
import { SYNCED_RECORDS } from './sync-records';
import type { StoreContext } from './db';

/**
 * The key of a note that stands for every record of its table. No record has it: keys are
 * ids, addresses and numbers, none of which starts with a NUL character.
 */
export const EVERY_RECORD = '\u0000every record';

/**
 * The oldest notes in the outbox after `after`, at most `limit`. A reader going through a
 * long outbox passes the last note it had: IndexedDB would otherwise step over every note
 * already deleted from the start on each read.
 */
export function readOutbox(
  ctx: StoreContext,
  limit: number,
  after = TEAM_MARK_SEQ,
): Promise<OutboxEntry[]> {
  return ctx.db.syncOutbox.where('seq').above(after).limit(limit).toArray();
}

/**
 * Removes the notes from `first` to `last` (as readOutbox gave them) once their changes are
 * in the team mirror: one range, not a request per note. A note written meanwhile has a
 * higher number, so the range holds exactly the notes read.
 */
export async function dropOutbox(ctx: StoreContext, first: number, last: number): Promise<void> {
  await ctx.db.syncOutbox.where('seq').between(first, last, true, true).delete();
}

export function outboxSize(ctx: StoreContext): Promise<number> {
  return ctx.db.syncOutbox.where('seq').above(TEAM_MARK_SEQ).count();
}

/** From now on every write to a shared table is noted (this browser joined a team). */
export async function startNoting(ctx: StoreContext): Promise<void> {
  const mark = { seq: TEAM_MARK_SEQ, table: 'team', key: 'joined', at: ctx.now() };
  await ctx.db.syncOutbox.put(mark);
}

/** Whether a record has changes here not yet in the mirror (a pull must not overwrite them). */
export async function hasLocalChanges(
  ctx: StoreContext,
  table: string,
  key: string | number,
): Promise<boolean> {
  const notes = ctx.db.syncOutbox.where('[table+key]').anyOf([
    [table, key],
    [table, EVERY_RECORD],
  ]);
  return (await notes.count()) > 0;
}

/** Empties the outbox, its mark too: without a team, nothing is noted or waits to be sent. */
export async function clearOutbox(ctx: StoreContext): Promise<void> {
  if ((await ctx.db.syncOutbox.count()) > 0) await ctx.db.syncOutbox.clear();
}

/**
 * Notes every shared record, for the first push after joining a team: one note per table,
 * which the push reads as "every record there" (a note per record would be a write, a read
 * and a delete for each of a hundred thousand records). A team that has its pipeline
 * settings keeps them: this browser's are noted as the oldest edit there is, so the team's
 * win; the first browser of a new team gives it its own. Returns how many records wait.
 */
export async function noteEverything(ctx: StoreContext, teamHasSettings: boolean): Promise<number> {
  const { db } = ctx;
  const at = ctx.now();
  const tables = [db.syncOutbox, ...SYNCED_RECORDS.map(({ table }) => db.table(table))];
  return db.transaction('rw', tables, async () => {
    await db.syncOutbox.clear();
    await startNoting(ctx);
    await db.syncOutbox.bulkAdd(
      SYNCED_RECORDS.map(({ table }) => ({
        table,
        key: EVERY_RECORD,
        at: table === 'settings' && teamHasSettings ? 0 : at,
      })),
    );
    return recordsWaiting(ctx);
  });
}

/** Whether a note stands for every record of its table (noteEverything). */
export function isWholeTable(note: OutboxEntry): boolean {
  return note.key === EVERY_RECORD;
}

/** How many records wait to go: a note each, or a whole table's records for its note. */
export async function recordsWaiting(ctx: StoreContext): Promise<number> {
  const { db } = ctx;
  const whole = await db.syncOutbox
    .where('[table+key]')
    .anyOf(SYNCED_RECORDS.map(({ table }) => [table, EVERY_RECORD]))
    .toArray();
  const counts = await Promise.all(whole.map((note) => db.table(note.table).count()));
  return (await outboxSize(ctx)) - whole.length + counts.reduce((sum, n) => sum + n, 0);
}

export interface KeyedRecord {
  key: string | number;
  record: Record<string, unknown>;
}

/** A table's records after `after` in key order (from the first without it), at most `limit`. */
export async function recordsAfter(
  ctx: StoreContext,
  table: string,
  after: KeyedRecord['key'] | undefined,
  limit: number,
): Promise<KeyedRecord[]> {
  const store = ctx.db.table(table);
  const range = after === undefined ? store.toCollection() : store.where(':id').above(after);
  const keyPath = store.schema.primKey.keyPath as string;
  const records = (await range.limit(limit).toArray()) as Record<string, unknown>[];
  return records.map((record) => ({ key: record[keyPath] as KeyedRecord['key'], record }));
}
