import { TEAM_MARK_SEQ, type OutboxEntry } from './sync-outbox';
import { SYNCED_RECORDS } from './sync-records';
import type { StoreContext } from './db';

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

/** Removes notes once their changes are in the team mirror. */
export function dropOutbox(ctx: StoreContext, seqs: number[]): Promise<void> {
  return ctx.db.syncOutbox.bulkDelete(seqs);
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
  return (await ctx.db.syncOutbox.where('[table+key]').equals([table, key]).count()) > 0;
}

/** Empties the outbox, its mark too: without a team, nothing is noted or waits to be sent. */
export async function clearOutbox(ctx: StoreContext): Promise<void> {
  if ((await ctx.db.syncOutbox.count()) > 0) await ctx.db.syncOutbox.clear();
}

/**
 * Notes every shared record, for the first push after joining a team. A team that has its
 * pipeline settings keeps them: this browser's are noted as the oldest edit there is, so the
 * team's win; the first browser of a new team gives it its own.
 */
export async function noteEverything(ctx: StoreContext, teamHasSettings: boolean): Promise<number> {
  const { db } = ctx;
  const at = ctx.now();
  let noted = 0;
  const tables = [db.syncOutbox, ...SYNCED_RECORDS.map(({ table }) => db.table(table))];
  await db.transaction('rw', tables, async () => {
    await db.syncOutbox.clear();
    await startNoting(ctx);
    for (const { table } of SYNCED_RECORDS) {
      const keys = (await db.table(table).toCollection().primaryKeys()) as (string | number)[];
      const noteAt = table === 'settings' && teamHasSettings ? 0 : at;
      await db.syncOutbox.bulkAdd(keys.map((key) => ({ table, key, at: noteAt })));
      noted += keys.length;
    }
  });
  return noted;
}
