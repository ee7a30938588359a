import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import { isDeleted, stampLocalEdit } from '../../domain/sync-merge';
import type { StoreContext } from '../../storage/db';
import type { OutboxEntry } from '../../storage/sync-outbox';
import {
  dropOutbox,
  isWholeTable,
  readOutbox,
  recordsAfter,
  type KeyedRecord,
} from '../../storage/sync-queue';
import { sharedFields, syncedTable, type SyncedTable } from '../../storage/sync-records';
import { withheldFromTeam, type KnownMarks } from '../../storage/sync-private';
import { docId, parseTeamDoc, toDoc } from './team-doc';
import { rowsToResend } from './resend';

const BATCH = 1_000;

interface Change {
  entry: SyncedTable;
  key: string;
  current: Record<string, unknown> | null;
  at: number;
}

interface Pushing {
  ctx: StoreContext;
  mirror: PouchDatabase;
  replicaId: string;
  /** Told how many records each batch took (the first sync's progress). */
  onNoted: (records: number) => void;
  /** Given each batch's documents new to the mirror, with their revisions (uploadAhead). */
  onNew: (docs: PouchDoc[]) => Promise<void> | void;
  /**
   * The mirror held no document when the push began (the first push after joining): a
   * table's walk finds none there to build on, so it does not look.
   */
  mirrorWasEmpty: boolean;
  /** Deals' private marks, each deal read once in the push. */
  marks: KnownMarks;
}

/**
 * Turns the outbox's notes into mirror documents: each changed field is stamped with the
 * time of the write that changed it. A note is dropped only once its documents are written,
 * so a worker stopped half-way redoes the rest (which changes nothing twice). A note for a
 * whole table (the first push after joining) walks the table in key order, a batch at a time.
 */
export async function pushOutbox(
  ctx: StoreContext,
  mirror: PouchDatabase,
  replicaId: string,
  onNoted: Pushing['onNoted'] = () => undefined,
  onNew: Pushing['onNew'] = () => undefined,
): Promise<number> {
  const mirrorWasEmpty = (await mirror.info()).doc_count === 0;
  const marks: KnownMarks = new Map();
  const pushing: Pushing = { ctx, mirror, replicaId, onNoted, onNew, mirrorWasEmpty, marks };
  let written = 0;
  let after: number | undefined;
  for (;;) {
    const notes = await readOutbox(ctx, BATCH, after);
    if (notes.length === 0) return written;
    after = notes.at(-1)!.seq!;
    for (const note of notes.filter(isWholeTable)) written += await pushTable(pushing, note);
    const single = latestPerRecord(notes.filter((note) => !isWholeTable(note)));
    written += await writeDocs(pushing, await changesOf(pushing, single));
    await dropOutbox(ctx, notes[0]!.seq!, after);
    onNoted(single.length);
  }
}

/**
 * Every record of a table, as changes stamped with the note's time. The next batch is read
 * while the mirror writes this one.
 */
async function pushTable(pushing: Pushing, note: OutboxEntry): Promise<number> {
  const entry = syncedTable(note.table);
  if (!entry) return 0;
  let written = 0;
  let next = readBatch(pushing, entry, note, undefined);
  for (;;) {
    const batch = await next;
    if (!batch) return written;
    next = readBatch(pushing, entry, note, batch.lastKey);
    // Awaited next time round; a write failing first ends the walk without it.
    next.catch(() => undefined);
    written += await writeDocs(pushing, batch.changes, pushing.mirrorWasEmpty);
    pushing.onNoted(batch.records);
  }
}

/** A batch of a table's records after `afterKey`, as changes (none left: null). */
async function readBatch(
  pushing: Pushing,
  entry: SyncedTable,
  note: OutboxEntry,
  afterKey: KeyedRecord['key'] | undefined,
): Promise<{ changes: Change[]; lastKey: KeyedRecord['key']; records: number } | null> {
  const rows = await recordsAfter(pushing.ctx, note.table, afterKey, BATCH);
  if (rows.length === 0) return null;
  const notes = rows.map((row) => ({ ...note, key: row.key }));
  const records = rows.map((row) => row.record);
  const changes = await recordChanges(pushing, entry, notes, records);
  return { changes, lastKey: rows.at(-1)!.key, records: rows.length };
}

/** Writes a batch's documents into the mirror; returns how many. */
async function writeDocs(
  pushing: Pushing,
  changes: Change[],
  /** None of these documents is in the mirror yet. */
  allNew = false,
): Promise<number> {
  const { ctx, mirror, replicaId } = pushing;
  const revived: string[] = [];
  const docs = await stampedDocs(allNew ? null : mirror, changes, replicaId, revived);
  // A deal back with the team brings its touches and history back too.
  const resent = await rowsToResend(ctx, mirror, revived, { at: Date.now(), by: replicaId });
  docs.push(...resent.filter((doc) => !docs.some((other) => other._id === doc._id)));
  if (docs.length === 0) return 0;
  const results = await mirror.bulkDocs(docs);
  const failed = results.find((r) => r.error);
  if (failed) throw new Error(`Could not keep ${failed.id}: ${failed.reason ?? failed.error}`);
  await pushing.onNew(newDocs(docs, results));
  return docs.length;
}

/** The documents of a batch written for the first time, as the mirror now holds them. */
function newDocs(docs: PouchDoc[], results: { rev?: string }[]): PouchDoc[] {
  return docs.flatMap((doc, i) => {
    const rev = results[i]?.rev;
    return doc._rev === undefined && rev?.startsWith('1-') ? [{ ...doc, _rev: rev }] : [];
  });
}

function latestPerRecord(notes: OutboxEntry[]): OutboxEntry[] {
  const latest = new Map<string, OutboxEntry>();
  for (const note of notes) latest.set(`${note.table}\u0000${String(note.key)}`, note);
  return [...latest.values()];
}

/** The notes of each table, in order. */
function byTable(notes: OutboxEntry[]): Map<string, OutboxEntry[]> {
  const tables = new Map<string, OutboxEntry[]>();
  for (const note of notes) {
    const ofTable = tables.get(note.table);
    if (ofTable) ofTable.push(note);
    else tables.set(note.table, [note]);
  }
  return tables;
}

async function changesOf(pushing: Pushing, notes: OutboxEntry[]): Promise<Change[]> {
  const { ctx } = pushing;
  const changes: Change[] = [];
  for (const [table, ofTable] of byTable(notes)) {
    const entry = syncedTable(table);
    if (!entry) continue;
    // One read per table, not one per record.
    const records = (await ctx.db.table(table).bulkGet(ofTable.map((note) => note.key))) as (
      Record<string, unknown> | undefined
    )[];
    changes.push(...(await recordChanges(pushing, entry, ofTable, records)));
  }
  return changes;
}

/** What the team is to have of each noted record (absent: withdrawn or deleted). */
async function recordChanges(
  { ctx, marks }: Pushing,
  entry: SyncedTable,
  notes: OutboxEntry[],
  records: readonly (Record<string, unknown> | undefined)[],
): Promise<Change[]> {
  // A private record goes out as absent: one the team had is withdrawn, a new one never goes.
  const withheld = await withheldFromTeam(ctx, entry.table, records, marks);
  return notes.flatMap((note, i) => {
    const record = records[i];
    if (record && !entry.shared(record)) return [];
    const key = record ? entry.docKey(record) : entry.deletedKey(note.key);
    if (key === null) return [];
    const current = record && !withheld[i] ? sharedFields(entry, record) : null;
    return [{ entry, key, current, at: note.at }];
  });
}

async function stampedDocs(
  /** Where the documents' last versions are (null: they have none). */
  mirror: PouchDatabase | null,
  changes: Change[],
  replicaId: string,
  /** Filled with the deals this push brings back to the team after a deletion. */
  revived: string[],
): Promise<PouchDoc[]> {
  if (changes.length === 0) return [];
  const ids = changes.map(({ entry, key }) => docId(entry.kind, key));
  const { rows } = mirror ? await mirror.allDocs({ keys: ids, include_docs: true }) : { rows: [] };
  const docs: PouchDoc[] = [];
  changes.forEach(({ entry, key, current, at }, i) => {
    const before = rows[i]?.doc ?? null;
    const parsed = before ? parseTeamDoc(before) : null;
    const synced = parsed?.ok ? parsed.record : null;
    const next = stampLocalEdit(entry.kind, synced, current, { at, by: replicaId });
    if (next) docs.push(toDoc(entry.kind, key, next, before?._rev));
    if (entry.kind === 'deal' && current && synced && isDeleted(synced)) revived.push(key);
  });
  return docs;
}
