import { z } from 'zod';
import type { BackupProblem } from '../storage/backup';
import type { CsvField, CsvProblem } from '../storage/csv';

// How "Your data" hands the worker a backup to restore or a CSV to import: over a port of its
// own, the file's text in chunks, each message checked here on arrival at either end. A
// runtime message carries at most 64 MiB in Chrome, and a full backup can be larger.

/** The port's name; the worker answers only the extension's own pages on it. */
export const FILE_PORT = 'threadline-file';

/** Characters per chunk: a few MiB, far below what one message carries even as UTF-16. */
export const FILE_CHUNK_CHARS = 4 * 1024 * 1024;

/** The longest file taken: about the longest string a browser holds (V8's limit is 2^29 - 24). */
export const MAX_FILE_CHARS = 2 ** 29 - 24;

/** How often a waiting page says it is still there, so the browser keeps the worker running. */
export const STILL_HERE_MS = 10_000;

const CSV_FIELD_NAMES = [
  'title',
  'organization',
  'person',
  'email',
  'value',
  'currency',
  'stage',
  'status',
  'expectedClose',
  'owner',
] as const;

/** What a file is for: a backup to restore, or a CSV to import with its column mapping. */
export const fileKindSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('backup') }),
  z.object({
    kind: z.literal('csv'),
    mapping: z.partialRecord(z.enum(CSV_FIELD_NAMES), z.number().int().min(0).max(10_000)),
  }),
]);
export type FileKind = z.infer<typeof fileKindSchema>;

/** From the page: announce the file, send it chunk by chunk in order, say it is all there. */
export const pageFileMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    file: fileKindSchema,
    chars: z.number().int().min(0).max(MAX_FILE_CHARS),
  }),
  z.object({
    type: z.literal('chunk'),
    index: z.number().int().min(0),
    text: z.string().max(FILE_CHUNK_CHARS),
  }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('still-here') }),
]);
export type PageFileMessage = z.infer<typeof pageFileMessageSchema>;

const backupProblemSchema = z.object({
  code: z.enum(['json', 'format', 'table', 'row', 'duplicate', 'newer', 'unknown-field']),
  line: z.number().int().nullable(),
  table: z.string().optional(),
  row: z.number().int().optional(),
  field: z.string().optional(),
  other: z.number().int().optional(),
  version: z.number().optional(),
  message: z.string(),
});

const csvProblemSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  code: z.enum([
    'unreadable',
    'no-title-column',
    'required',
    'too-long',
    'email',
    'amount',
    'currency',
    'status',
    'date',
    'ambiguous-date',
    'stage',
  ]),
  detail: z.string().optional(),
  message: z.string(),
});

/** From the worker: how much has arrived, then what came of the file. */
export const workerFileMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('received'), chars: z.number().int().min(0) }),
  z.object({ type: z.literal('restored') }),
  z.object({ type: z.literal('imported'), count: z.number().int().min(0) }),
  z.object({ type: z.literal('backup-refused'), problem: backupProblemSchema }),
  z.object({ type: z.literal('csv-refused'), problems: z.array(csvProblemSchema) }),
  z.object({
    type: z.literal('failed'),
    // `name` is the error's kind (QuotaExceededError, TypeError…), which the page names.
    error: z.object({ code: z.string(), message: z.string(), name: z.string() }),
  }),
]);
export type WorkerFileMessage = z.infer<typeof workerFileMessageSchema>;

/** What came of a file: everything the worker answers but progress and failure. */
export type FileOutcome = Exclude<WorkerFileMessage, { type: 'received' | 'failed' }>;

/**
 * The file's text in chunks of at most `size` characters (none for an empty file). A chunk
 * never ends between the two halves of a character outside the BMP (an emoji in a name):
 * messages travel as UTF-8, which has no half of a character, so a half would arrive as "�".
 */
export function chunksOf(text: string, size = FILE_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    // Back by one, or on by one when the chunk would be empty.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > at ? -1 : 1;
    chunks.push(text.slice(at, end));
    at = end;
  }
  return chunks;
}

// The schemas above say what storage/ says, checked by the compiler both ways: a problem code
// or a CSV field added there and not here fails to compile instead of failing on the port.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof backupProblemSchema>, BackupProblem>,
  Same<z.infer<typeof csvProblemSchema>, CsvProblem>,
  Same<(typeof CSV_FIELD_NAMES)[number], CsvField>,
] = [true, true, true];
void sameShapes;
