import {
  findNodeAtLocation,
  parse as parseTolerantly,
  parseTree,
  printParseErrorCode,
  type ParseError,
} from 'jsonc-parser';
import { z } from 'zod';
import { SCHEMA_VERSIONS, type StoreContext } from './db';
import type { Table } from 'dexie';
import type { BackupRows } from './restore';
import {
  contactSchema,
  dealSchema,
  linkSchema,
  objectionSchema,
  settingsSchema,
  stageChangeSchema,
  touchSchema,
} from './schemas';
import { DERIVED_TABLES } from './deal-facts';
import { OUTBOX_TABLE } from './sync-outbox';

// A full backup is Dexie's own export format (dexie-export-import's), written by exportBackup
// below: every table, every row. Before anything is written, the whole file is checked
// against today's record schemas; a file with any problem is refused whole, naming where, and
// the database stays as it was. The checked rows are then written as checked, in one
// transaction, by the worker (restore.ts): dexie-export-import's importInto clears the tables
// outside its own transaction, so a write failing part way would leave the rep with an empty
// database, and it parses the file a second time.

const ROW_SCHEMAS: Record<string, z.ZodType> = {
  deals: dealSchema,
  contacts: contactSchema,
  links: linkSchema,
  touches: touchSchema,
  stageHistory: stageChangeSchema,
  settings: settingsSchema,
  objections: objectionSchema,
};

/** The newest database version this Threadline reads; a backup from a later one is refused. */
export const BACKUP_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));

/**
 * The key paths of each table that must be unique, from today's schema (the primary key
 * first, then every `&` index): the rows are checked against them before anything is
 * written, so a backup that would break one is refused with the row named, not by a write
 * failing part way.
 */
const UNIQUE_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(SCHEMA_VERSIONS.at(-1)!.stores).map(([table, spec]) => {
    const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
    const unique = indexes.filter((index) => index.startsWith('&')).map((index) => index.slice(1));
    return [
      table,
      [primary.replace(/^(\+\+|&)/, ''), ...unique].filter((path) => /^[A-Za-z0-9_]+$/.test(path)),
    ];
  }),
);

const backupFileSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number() })),
    data: z.array(
      z.object({ tableName: z.string(), inbound: z.boolean(), rows: z.array(z.unknown()) }),
    ),
  }),
});

/**
 * The whole database as Dexie's export format (dexie-export-import's importInto reads it back),
 * written here rather than by its exportDB: every table is read whole in one read transaction
 * (exportDB pages through each table a chunk at a time, each page a query of its own), and the
 * file is one JSON.stringify, indented, so that a problem found in it later can name a line.
 * Every stored value is plain JSON (the record schemas allow nothing else), so the rows need
 * none of exportDB's type notes.
 */
export async function exportBackup(ctx: StoreContext): Promise<Blob> {
  const { db } = ctx;
  // The team sync's outbox is this browser's work in progress, not data: it stays out, and
  // so do the deal facts and cards, worked out from the deals and stage history on restore.
  const saved = db.tables.filter(
    (table) => table.name !== OUTBOX_TABLE && !DERIVED_TABLES.includes(table.name),
  );
  const tables = await db.transaction('r', saved, () =>
    Promise.all(saved.map(async (table) => ({ table, rows: await table.toArray() }))),
  );
  const file = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: db.name,
      databaseVersion: db.verno,
      tables: tables.map(({ table, rows }) => ({
        name: table.name,
        schema: schemaText(table.schema),
        rowCount: rows.length,
      })),
      data: tables.map(({ table, rows }) => ({ tableName: table.name, inbound: true, rows })),
    },
  };
  return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
}

/** A table's schema as exportDB writes it ("id,stageId,[status+lastMovementAt],..."). */
function schemaText(schema: Table['schema']): string {
  return [schema.primKey, ...schema.indexes].map((index) => index.src).join(',');
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
  code: 'json' | 'format' | 'table' | 'row' | 'duplicate' | 'newer' | 'unknown-field';
  line: number | null;
  table?: string;
  row?: number;
  field?: string;
  /** For a duplicate: the earlier row with the same value. */
  other?: number;
  /** The backup's database version (a newer one, or one with a field we do not know). */
  version?: number;
  message: string;
}

/** A backup file checked whole: what is wrong with it, or every row as the schemas read it. */
export type CheckedBackup =
  { problem: BackupProblem; rows?: undefined } | { problem: null; rows: BackupRows };

/** What is wrong with a backup file, naming the line and the table, row and field; null if nothing. */
export function backupProblem(text: string): string | null {
  return checkBackup(text).problem?.message ?? null;
}

/** The line a value of the file stands on (only worked out for a file being refused). */
function lineOfValue(text: string, path: (string | number)[]): number | null {
  const tree = parseTree(text);
  for (let end = path.length; tree && end >= 0; end--) {
    const node = findNodeAtLocation(tree, path.slice(0, end));
    if (node)
      return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return null;
}

/** The path of the first field of `input` that reading it with a schema dropped, or null. */
function droppedField(
  input: unknown,
  output: unknown,
  skipped?: string,
): (string | number)[] | null {
  // Run on every row of a backup (100,000 touches): plain loops, and no look into a value
  // that holds no fields.
  if (typeof input !== 'object' || input === null || typeof output !== 'object' || output === null)
    return null;
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return null;
    for (let index = 0; index < input.length; index++) {
      const inner = droppedField(input[index], output[index]);
      if (inner) return [index, ...inner];
    }
    return null;
  }
  for (const key of Object.keys(input)) {
    if (key === skipped) continue;
    if (!Object.hasOwn(output, key)) return [key];
    const inner = droppedField(
      (input as Record<string, unknown>)[key],
      (output as Record<string, unknown>)[key],
    );
    if (inner) return [key, ...inner];
  }
  return null;
}

/** A value IndexedDB indexes (null and absent values are not, so they never collide). */
function indexedValue(value: unknown): string | number | null {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value))
    ? value
    : null;
}

/** Where a row stands in the file, for naming it in a problem. */
interface RowPlace {
  table: string;
  tableIndex: number;
  index: number;
  version: number;
}

/** Per unique key path of one table: the value each row has there, and its row number. */
type SeenKeys = [keyPath: string, values: Map<unknown, number>][];

/** The unique values seen so far in a table (a table may come in more than one part). */
function seenKeysOf(seen: Map<string, SeenKeys>, table: string): SeenKeys {
  const found = seen.get(table);
  if (found) return found;
  const made: SeenKeys = (UNIQUE_KEYS[table] ?? []).map((keyPath) => [keyPath, new Map()]);
  seen.set(table, made);
  return made;
}

/** The file read as JSON, or where the JSON breaks. */
function readJson(text: string): { json: unknown } | { problem: BackupProblem } {
  try {
    return { json: JSON.parse(text) };
  } catch {
    // JSON.parse does not say where in every browser; jsonc-parser does.
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const line = first ? lineAt(text, first.offset) : null;
    const where = first ? `line ${line} (${printParseErrorCode(first.error)})` : 'somewhere';
    return {
      problem: {
        code: 'json',
        line,
        message: `This is not a Threadline backup: the JSON breaks on ${where}`,
      },
    };
  }
}

function formatProblem(text: string, error: z.ZodError): BackupProblem {
  const issue = error.issues[0]!;
  const field = issue.path.join('.') || 'the file';
  const path = issue.path.filter((key) => typeof key !== 'symbol');
  return {
    code: 'format',
    line: lineOfValue(text, path),
    field,
    message: `This is not a Threadline backup: ${field}: ${issue.message}`,
  };
}

function newerProblem(text: string, version: number): BackupProblem {
  const line = lineOfValue(text, ['data', 'databaseVersion']);
  return {
    code: 'newer',
    line,
    version,
    message: `This backup comes from a newer version of Threadline (database version ${version}; this one reads up to ${BACKUP_VERSION}). Update Threadline, then restore it.`,
  };
}

function unknownTableProblem(text: string, tableIndex: number, table: string): BackupProblem {
  const line = lineOfValue(text, ['data', 'data', tableIndex, 'tableName']);
  return {
    code: 'table',
    line,
    table,
    message: `The backup has a table Threadline does not know: ${table}`,
  };
}

function rowPath({ tableIndex, index }: RowPlace): (string | number)[] {
  return ['data', 'data', tableIndex, 'rows', index];
}

function invalidRowProblem(text: string, place: RowPlace, error: z.ZodError): BackupProblem {
  const { table, index } = place;
  const issue = error.issues[0]!;
  const field = issue.path.join('.') || '(row)';
  const line = lineOfValue(text, [
    ...rowPath(place),
    ...issue.path.filter((key) => typeof key !== 'symbol'),
  ]);
  return {
    code: 'row',
    line,
    table,
    row: index + 1,
    field,
    message: `Line ${line}: ${table} row ${index + 1}, field ${field}: ${issue.message}`,
  };
}

function unknownFieldProblem(
  text: string,
  place: RowPlace,
  dropped: (string | number)[],
): BackupProblem {
  const { table, index, version } = place;
  const field = dropped.join('.');
  const line = lineOfValue(text, [...rowPath(place), ...dropped]);
  return {
    code: 'unknown-field',
    line,
    table,
    row: index + 1,
    field,
    version,
    message: `Line ${line}: ${table} row ${index + 1} has a field this version of Threadline does not know: ${field}. The backup (database version ${version}) may come from a newer version.`,
  };
}

/** The first unique key of a row that an earlier row of its table already has, or null. */
function duplicateProblem(
  text: string,
  place: RowPlace,
  row: Record<string, unknown>,
  seen: SeenKeys,
): BackupProblem | null {
  const { table, index } = place;
  for (const [keyPath, values] of seen) {
    const value = indexedValue(row[keyPath]);
    if (value === null) continue;
    const other = values.get(value);
    if (other !== undefined) {
      const line = lineOfValue(text, [...rowPath(place), keyPath]);
      return {
        code: 'duplicate',
        line,
        table,
        row: index + 1,
        field: keyPath,
        other,
        message: `Line ${line}: ${table} row ${index + 1}, field ${keyPath} has the same value as row ${other}, and it must be unique: ${JSON.stringify(value)}`,
      };
    }
    values.set(value, index + 1);
  }
  return null;
}

/** One row read with its table's schema, or what is wrong with it. */
function checkRow(
  text: string,
  place: RowPlace,
  schema: z.ZodType,
  row: unknown,
  seen: SeenKeys,
): { row: object; problem?: undefined } | { problem: BackupProblem } {
  const result = schema.safeParse(row);
  if (!result.success) return { problem: invalidRowProblem(text, place, result.error) };
  // "$types" is the export format's own note on how values were encoded, not a field.
  const dropped = droppedField(row, result.data, '$types');
  if (dropped) return { problem: unknownFieldProblem(text, place, dropped) };
  const duplicate = duplicateProblem(text, place, result.data as Record<string, unknown>, seen);
  if (duplicate) return { problem: duplicate };
  return { row: result.data as object };
}

export function checkBackup(text: string): CheckedBackup {
  const read = readJson(text);
  if ('problem' in read) return { problem: read.problem };
  const file = backupFileSchema.safeParse(read.json);
  if (!file.success) return { problem: formatProblem(text, file.error) };
  // A backup from another profile or an older version is still this pipeline: its name is
  // not compared, its rows are. One from a newer version may hold what this one would drop.
  const version = file.data.data.databaseVersion;
  if (version > BACKUP_VERSION) return { problem: newerProblem(text, version) };
  const rows = new Map<string, object[]>();
  const seen = new Map<string, SeenKeys>();
  for (const [tableIndex, { tableName, rows: tableRows }] of file.data.data.data.entries()) {
    const schema = ROW_SCHEMAS[tableName];
    if (!schema) return { problem: unknownTableProblem(text, tableIndex, tableName) };
    const checked = rows.get(tableName) ?? [];
    const seenKeys = seenKeysOf(seen, tableName);
    for (const [index, row] of tableRows.entries()) {
      const place = { table: tableName, tableIndex, index, version };
      const result = checkRow(text, place, schema, row, seenKeys);
      if (result.problem) return { problem: result.problem };
      checked.push(result.row);
    }
    rows.set(tableName, checked);
  }
  return { problem: null, rows };
}
