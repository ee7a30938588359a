import Dexie, { type Table } from 'dexie';
import { checkBackup, type BackupProblem } from './backup';
import type { StoreContext } from './db';
import { StorageError, refusingFullDisk } from './errors';
import { DERIVED_TABLES, derivedRowsOf, deriveFactsAtEnd } from './deal-facts';
import type { Deal, StageChange } from './schemas';
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

/** What a restore writes to one table: the keys to delete, then the rows to add. */
interface TableWrite {
  table: Table;
  /** Every row that has its key: what the table holds of them once written. */
  keyed: object[];
  stale: IDBValidKey[];
  fresh: object[];
  /** Rows without a key (an auto-numbered table): always written, numbered as they are. */
  unkeyed: object[];
}

/** The rows keyed by their primary key; two rows with the same key are refused. */
function rowsByKey(table: Table, rows: readonly object[]) {
  const keyPath = table.schema.primKey.keyPath as string;
  const wanted = new Map<unknown, object>();
  const unkeyed: object[] = [];
  for (const row of rows) {
    const key = Dexie.getByKeyPath(row, keyPath) as IDBValidKey | undefined;
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
  return { wanted, unkeyed };
}

/**
 * What makes a table hold exactly these rows: a record already stored exactly as wanted is
 * left alone, every other stored record is deleted, every wanted row not stored is added.
 */
function tableWrite(table: Table, rows: readonly object[], stored: readonly object[]): TableWrite {
  const keyPath = table.schema.primKey.keyPath as string;
  const { wanted, unkeyed } = rowsByKey(table, rows);
  const keyed = [...wanted.values()];
  const stale: IDBValidKey[] = [];
  for (const record of stored) {
    const key = Dexie.getByKeyPath(record, keyPath) as IDBValidKey;
    const row = wanted.get(key);
    if (row !== undefined && sameRecord(row, record)) wanted.delete(key);
    else stale.push(key);
  }
  return { table, keyed, stale, fresh: [...wanted.values()], unkeyed };
}

/**
 * Deletes, then adds (so a value moving between records never trips a unique index on the
 * way); the unkeyed rows come back with the keys they were given.
 */
async function applyWrite({ table, stale, fresh, unkeyed }: TableWrite): Promise<object[]> {
  if (stale.length > 0) await table.bulkDelete(stale);
  if (fresh.length > 0) await table.bulkAdd(fresh);
  if (unkeyed.length === 0) return [];
  const keys = await table.bulkAdd(unkeyed, { allKeys: true });
  const keyPath = table.schema.primKey.keyPath as string;
  return unkeyed.map((row, i) => {
    const numbered = { ...row };
    Dexie.setByKeyPath(numbered, keyPath, keys[i]);
    return numbered;
  });
}

/** The tables the deal facts and cards are worked out from. */
const FACTS_SOURCES = ['deals', 'stageHistory'];

/** Whether a write changes anything. */
const changes = ({ stale, fresh, unkeyed }: TableWrite) =>
  stale.length + fresh.length + unkeyed.length > 0;

/**
 * Makes the deal facts, cards and the like (DERIVED_TABLES) agree with the deals and stage
 * changes a restore wrote (each with its key), written the way the restore writes the
 * tables themselves.
 */
async function writeDerived(
  db: StoreContext['db'],
  deals: readonly object[],
  history: readonly object[],
): Promise<void> {
  const wanted = derivedRowsOf(deals as Deal[], history as StageChange[]);
  const tables = DERIVED_TABLES.map((name) => db.table(name));
  const stored = await Promise.all(tables.map((table) => table.toArray()));
  await Promise.all(
    tables.map((table, i) =>
      applyWrite(tableWrite(table, wanted.get(table.name) ?? [], stored[i]!)),
    ),
  );
}

/**
 * Makes every table hold exactly the given rows (a table the backup leaves out ends up
 * empty), in one transaction: a failure anywhere leaves the database as it was.
 *
 * Writing to IndexedDB is what a restore costs (one request per record and its index
 * entries), so a record already stored exactly as the backup has it is left alone: restoring
 * a recent backup rewrites only what changed since. Once every table is compared, all their
 * writes are sent at once, so IndexedDB never waits on us between tables. The deal
 * facts and cards are not restored: once the deals and stage changes are written, they are
 * worked out from them in one go (deriveFactsAtEnd), not request by request; a restore that
 * changed neither leaves them as they are, already in agreement.
 */
export function restoreRows(ctx: StoreContext, backup: BackupRows): Promise<void> {
  return restoreChecked(ctx, () => backup);
}

/**
 * restoreRows, with the backup checked inside its transaction. Every table's records are
 * asked for before the check runs, so IndexedDB reads them meanwhile: 2.5 s to 2.2 s for
 * restoring the bench's backup over the same data. A check that throws ends the transaction
 * before any write. The stored records of every table are held at once (the touches, most of
 * them, were held whole before too).
 */
async function restoreChecked(ctx: StoreContext, check: () => BackupRows): Promise<void> {
  const { db } = ctx;
  // The outbox is not restored: it notes what the restore itself changes, to share it.
  const restored = db.tables.filter(
    (table) => table.name !== OUTBOX_TABLE && !DERIVED_TABLES.includes(table.name),
  );
  await db.transaction('rw', db.tables, async () => {
    deriveFactsAtEnd(Dexie.currentTransaction!.idbtrans);
    const reads = Promise.all(restored.map((table) => table.toArray()));
    // Ended unread when the check throws: the transaction's own failure is the one told.
    reads.catch(() => undefined);
    const backup = check();
    const stored = await reads;
    const writes = restored.map((table, i) =>
      tableWrite(table, backup.get(table.name) ?? [], stored[i]!),
    );
    const numbered = await Promise.all(writes.map(applyWrite));
    const sources = FACTS_SOURCES.map((name) => restored.findIndex((table) => table.name === name));
    if (!sources.some((i) => changes(writes[i]!))) return;
    const [deals, history] = sources.map((i) => [...writes[i]!.keyed, ...numbered[i]!]);
    await writeDerived(db, deals!, history!);
  });
}

/** A backup's check found a problem: thrown inside the restore's transaction to end it. */
class BackupRefused extends Error {
  constructor(readonly problem: BackupProblem) {
    super(problem.message);
  }
}

/**
 * Checks a backup file's text and, if it passes, replaces the whole database with it in one
 * transaction: whatever fails (a full disk comes out as StorageError 'storage-full'), nothing
 * changed. Returns the check's problem, or null once restored.
 */
export async function restoreBackupText(
  ctx: StoreContext,
  text: string,
): Promise<BackupProblem | null> {
  try {
    await refusingFullDisk(() =>
      restoreChecked(ctx, () => {
        const checked = checkBackup(text);
        if (checked.problem !== null) throw new BackupRefused(checked.problem);
        return checked.rows;
      }),
    );
    return null;
  } catch (error) {
    if (error instanceof BackupRefused) return error.problem;
    throw error;
  }
}

/** Replaces the whole database with a backup, after checking all of it first. */
export async function importBackup(ctx: StoreContext, file: Blob): Promise<void> {
  const problem = await restoreBackupText(ctx, await file.text());
  if (problem !== null) throw new StorageError('invalid', problem.message, { problem });
}
