import { exportDB, importInto } from 'dexie-export-import';
import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { StorageError } from './errors';
import type { StoreContext } from './db';
import { contactSchema, dealSchema, linkSchema, settingsSchema, stageChangeSchema, touchSchema } from './schemas';

// A full backup is Dexie's own export format (dexie-export-import): every table, every row.
// Before anything is written, the whole file is checked against today's record schemas; a
// file with any problem is refused whole, naming where, and the database stays as it was.

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

export async function exportBackup(ctx: StoreContext): Promise<Blob> {
  return exportDB(ctx.db, { prettyJson: true });
}

/** Line number (1-based) of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** What is wrong with a backup file, naming the line or the table, row and field; null if nothing. */
export function backupProblem(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse does not say where in every browser; jsonc-parser does.
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const where = first ? `line ${lineAt(text, first.offset)} (${printParseErrorCode(first.error)})` : 'somewhere';
    return `This is not a Threadline backup: the JSON breaks on ${where}`;
  }
  const file = backupFileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    return `This is not a Threadline backup: ${issue.path.join('.') || 'the file'}: ${issue.message}`;
  }
  for (const table of file.data.data.data) {
    const schema = ROW_SCHEMAS[table.tableName];
    if (!schema) return `The backup has a table Threadline does not know: ${table.tableName}`;
    for (const [index, row] of table.rows.entries()) {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        return `${table.tableName} row ${index + 1}, field ${issue.path.join('.') || '(row)'}: ${issue.message}`;
      }
    }
  }
  return null;
}

/** Replaces the whole database with a backup, after checking all of it first. */
export async function importBackup(ctx: StoreContext, file: Blob): Promise<void> {
  const problem = backupProblem(await file.text());
  if (problem) throw new StorageError('invalid', problem);
  // A backup from another profile or an older version is still this pipeline.
  await importInto(ctx.db, file, { clearTablesBeforeImport: true, acceptNameDiff: true, acceptVersionDiff: true, overwriteValues: true });
}
