import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { StorageError } from './errors';
import type { StoreContext } from './db';
import { exportDB } from 'dexie-export-import';
import { restoreRows, type BackupRows } from './restore';
import { contactSchema, dealSchema, linkSchema, settingsSchema, stageChangeSchema, touchSchema } from './schemas';

// A full backup is Dexie's own export format, written by dexie-export-import: every table,
// every row. Before anything is written, the whole file is checked against today's record
// schemas; a file with any problem is refused whole, naming where, and the database stays as
// it was. The checked rows are then written as checked (restore.ts), in one transaction:
// dexie-export-import's importInto clears the tables outside its own transaction, so a write
// failing part way would leave the rep with an empty database, and it parses the file a
// second time.

const ROW_SCHEMAS: Record<string, z.ZodType> = {
  deals: dealSchema,
  contacts: contactSchema,
  links: linkSchema,
  touches: touchSchema,
  stageHistory: stageChangeSchema,
  settings: settingsSchema,
};

const backupFileSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number() })),
    data: z.array(z.object({ tableName: z.string(), inbound: z.boolean(), rows: z.array(z.unknown()) })),
  }),
});

export function exportBackup(ctx: StoreContext): Promise<Blob> {
  return exportDB(ctx.db, { prettyJson: true });
}

/** Line number (1-based) of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** A backup file checked whole: what is wrong with it, or every row as the schemas read it. */
export type CheckedBackup = { problem: string; rows?: undefined } | { problem: null; rows: BackupRows };

/** What is wrong with a backup file, naming the line or the table, row and field; null if nothing. */
export function backupProblem(text: string): string | null {
  return checkBackup(text).problem;
}

export function checkBackup(text: string): CheckedBackup {
  const refuse = (problem: string): CheckedBackup => ({ problem });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse does not say where in every browser; jsonc-parser does.
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const where = first ? `line ${lineAt(text, first.offset)} (${printParseErrorCode(first.error)})` : 'somewhere';
    return refuse(`This is not a Threadline backup: the JSON breaks on ${where}`);
  }
  const file = backupFileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    return refuse(`This is not a Threadline backup: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  // A backup from another profile or an older version is still this pipeline: its name
  // and version are not compared, its rows are.
  const rows = new Map<string, object[]>();
  for (const table of file.data.data.data) {
    const schema = ROW_SCHEMAS[table.tableName];
    if (!schema) return refuse(`The backup has a table Threadline does not know: ${table.tableName}`);
    const checked = rows.get(table.tableName) ?? [];
    for (const [index, row] of table.rows.entries()) {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        return refuse(`${table.tableName} row ${index + 1}, field ${issue.path.join('.') || '(row)'}: ${issue.message}`);
      }
      checked.push(result.data as object);
    }
    rows.set(table.tableName, checked);
  }
  return { problem: null, rows };
}

/** Replaces the whole database with a backup that checkBackup passed. */
export function restoreBackup(ctx: StoreContext, rows: BackupRows): Promise<void> {
  return restoreRows(ctx, rows);
}

/** Replaces the whole database with a backup, after checking all of it first. */
export async function importBackup(ctx: StoreContext, file: Blob): Promise<void> {
  const checked = checkBackup(await file.text());
  if (checked.problem !== null) throw new StorageError('invalid', checked.problem);
  await restoreBackup(ctx, checked.rows);
}
