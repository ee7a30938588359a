import Dexie from 'dexie';
import { checkBackup } from './backup';
import type { StoreContext } from './db';
import { StorageError, refusingFullDisk } from './errors';
import { DERIVED_TABLES } from './deal-facts';
import { OUTBOX_TABLE } from './sync-outbox';

/** Checked rows per table name, as a backup holds them. */
export type BackupRows = ReadonlyMap<string, readonly object[]>;

/** Same JSON value: what a backup row and a stored record are (key order does not matter). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameRecord((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Makes every table hold exactly the given rows (a table the backup leaves out ends up
 * empty), in one transaction: a failure anywhere leaves the database as it was.
 *
 * Writing to IndexedDB is what a restore costs (every record and its index entries), so
 * a record already stored exactly as the backup has it is left alone; restoring a recent
 * backup rewrites only what changed since. Records that change are deleted before any is
 * written, so a value moving between records never trips a unique index on the way.
 */
export async function restoreRows(ctx: StoreContext, backup: BackupRows): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      // The outbox is not restored: it notes what the restore itself changes, to share it.
      // The deal facts and cards are not either: they follow the deals and stage history as
      // written.
      if (table.name === OUTBOX_TABLE || DERIVED_TABLES.includes(table.name)) continue;
      const keyPath = table.schema.primKey.keyPath as string;
      const keyOf = (row: object) => Dexie.getByKeyPath(row, keyPath) as IDBValidKey | undefined;
      const wanted = new Map<unknown, object>();
      // Rows without a key (an auto-numbered table) are always written.
      const unkeyed: object[] = [];
      for (const row of backup.get(table.name) ?? []) {
        const key = keyOf(row);
        if (key === undefined) unkeyed.push(row);
        else if (wanted.has(key)) {
          // checkBackup names the row; this is the last line of defence: never drop a row unsaid.
          throw new StorageError(
            'invalid',
            `${table.name}: two rows with the ${keyPath} ${JSON.stringify(key)}`,
            { field: `${table.name}.${keyPath}` },
          );
        } else wanted.set(key, row);
      }
      const stale: IDBValidKey[] = [];
      for (const stored of await table.toArray()) {
        const key = keyOf(stored)!;
        const row = wanted.get(key);
        if (row !== undefined && sameRecord(row, stored)) wanted.delete(key);
        else stale.push(key);
      }
      await table.bulkDelete(stale);
      await table.bulkAdd([...wanted.values(), ...unkeyed]);
    }
  });
}

/**
 * Replaces the whole database with a backup that checkBackup passed, in one transaction:
 * whatever fails (a full disk comes out as StorageError 'storage-full'), nothing changed.
 */
export function restoreBackup(ctx: StoreContext, rows: BackupRows): Promise<void> {
  return refusingFullDisk(() => restoreRows(ctx, rows));
}

/** Replaces the whole database with a backup, after checking all of it first. */
export async function importBackup(ctx: StoreContext, file: Blob): Promise<void> {
  const checked = checkBackup(await file.text());
  if (checked.problem !== null)
    throw new StorageError('invalid', checked.problem.message, { problem: checked.problem });
  await restoreBackup(ctx, checked.rows);
}
