import { findNodeAtLocation, parse as parseTolerantly, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
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

/**
 * What is wrong with a backup file: the kind of problem, the line it is on, and where in the
 * data (table, row, field). `message` says it in English, for errors; the dashboard says it
 * in the rep's language from the parts.
 */
export interface BackupProblem {
  code: 'json' | 'format' | 'table' | 'row';
  line: number | null;
  table?: string;
  row?: number;
  field?: string;
  message: string;
}

/** A backup file checked whole: what is wrong with it, or every row as the schemas read it. */
export type CheckedBackup = { problem: BackupProblem; rows?: undefined } | { problem: null; rows: BackupRows };

/** What is wrong with a backup file, naming the line and the table, row and field; null if nothing. */
export function backupProblem(text: string): string | null {
  return checkBackup(text).problem?.message ?? null;
}

/** The line a value of the file stands on (only worked out for a file being refused). */
function lineOfValue(text: string, path: (string | number)[]): number | null {
  const tree = parseTree(text);
  for (let end = path.length; tree && end >= 0; end--) {
    const node = findNodeAtLocation(tree, path.slice(0, end));
    if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return null;
}

export function checkBackup(text: string): CheckedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse does not say where in every browser; jsonc-parser does.
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const line = first ? lineAt(text, first.offset) : null;
    const where = first ? `line ${line} (${printParseErrorCode(first.error)})` : 'somewhere';
    return { problem: { code: 'json', line, message: `This is not a Threadline backup: the JSON breaks on ${where}` } };
  }
  const file = backupFileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    const field = issue.path.join('.') || 'the file';
    const path = issue.path.filter((key) => typeof key !== 'symbol');
    return { problem: { code: 'format', line: lineOfValue(text, path), field, message: `This is not a Threadline backup: ${field}: ${issue.message}` } };
  }
  // A backup from another profile or an older version is still this pipeline: its name
  // and version are not compared, its rows are.
  const rows = new Map<string, object[]>();
  for (const [tableIndex, table] of file.data.data.data.entries()) {
    const schema = ROW_SCHEMAS[table.tableName];
    const tablePath = ['data', 'data', tableIndex];
    if (!schema) {
      const line = lineOfValue(text, [...tablePath, 'tableName']);
      return { problem: { code: 'table', line, table: table.tableName, message: `The backup has a table Threadline does not know: ${table.tableName}` } };
    }
    const checked = rows.get(table.tableName) ?? [];
    for (const [index, row] of table.rows.entries()) {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const field = issue.path.join('.') || '(row)';
        const line = lineOfValue(text, [...tablePath, 'rows', index, ...issue.path.filter((key) => typeof key !== 'symbol')]);
        return {
          problem: { code: 'row', line, table: table.tableName, row: index + 1, field, message: `Line ${line}: ${table.tableName} row ${index + 1}, field ${field}: ${issue.message}` },
        };
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
  if (checked.problem !== null) throw new StorageError('invalid', checked.problem.message);
  await restoreBackup(ctx, checked.rows);
}
