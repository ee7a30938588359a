import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import { isDeleted, stampLocalEdit } from '../../domain/sync-merge';
import type { StoreContext } from '../../storage/db';
import type { OutboxEntry } from '../../storage/sync-outbox';
import { dropOutbox, readOutbox } from '../../storage/sync-queue';
import { sharedFields, syncedTable, type SyncedTable } from '../../storage/sync-records';
import { withheldFromTeam } from '../../storage/sync-private';
import { docId, parseTeamDoc, toDoc } from './team-doc';
import { rowsToResend } from './resend';

const BATCH = 1_000;

interface Change {
  entry: SyncedTable;
  key: string;
  current: Record<string, unknown> | null;
  at: number;
}

/**
 * Turns the outbox's notes into mirror documents: each changed field is stamped with the
 * time of the write that changed it. A note is dropped only once its document is written,
 * so a worker stopped half-way redoes the rest (which changes nothing twice).
 */
export async function pushOutbox(
  ctx: StoreContext,
  mirror: PouchDatabase,
  replicaId: string,
  /** Told how many notes each batch took (the first sync's progress). */
  onNoted: (notes: number) => void = () => undefined,
): Promise<number> {
  let written = 0;
  let after: number | undefined;
  for (;;) {
    const notes = await readOutbox(ctx, BATCH, after);
    if (notes.length === 0) return written;
    after = notes.at(-1)!.seq;
    const changes = await changesOf(ctx, latestPerRecord(notes));
    const revived: string[] = [];
    const docs = await stampedDocs(mirror, changes, replicaId, revived);
    // A deal back with the team brings its touches and history back too.
    const resent = await rowsToResend(ctx, mirror, revived, { at: Date.now(), by: replicaId });
    docs.push(...resent.filter((doc) => !docs.some((other) => other._id === doc._id)));
    if (docs.length > 0) {
      const results = await mirror.bulkDocs(docs);
      const failed = results.find((r) => r.error);
      if (failed) throw new Error(`Could not keep ${failed.id}: ${failed.reason ?? failed.error}`);
    }
    await dropOutbox(
      ctx,
      notes.map((note) => note.seq!),
    );
    written += docs.length;
    onNoted(notes.length);
  }
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

async function changesOf(ctx: StoreContext, notes: OutboxEntry[]): Promise<Change[]> {
  const changes = new Map<string, Change>();
  for (const [table, ofTable] of byTable(notes)) {
    const entry = syncedTable(table);
    if (!entry) continue;
    // One read per table, not one per record: a first push notes every record there is.
    const records = (await ctx.db.table(table).bulkGet(ofTable.map((note) => note.key))) as (
      Record<string, unknown> | undefined
    )[];
    // A private record goes out as absent: one the team had is withdrawn, a new one never goes.
    const withheld = await withheldFromTeam(ctx, table, records);
    ofTable.forEach((note, i) => {
      const record = records[i];
      if (record && !entry.shared(record)) return;
      const key = record ? entry.docKey(record) : entry.deletedKey(note.key);
      if (key === null) return;
      const current = record && !withheld[i] ? sharedFields(entry, record) : null;
      changes.set(docId(entry.kind, key), { entry, key, current, at: note.at });
    });
  }
  return [...changes.values()];
}

async function stampedDocs(
  mirror: PouchDatabase,
  changes: Change[],
  replicaId: string,
  /** Filled with the deals this push brings back to the team after a deletion. */
  revived: string[],
): Promise<PouchDoc[]> {
  if (changes.length === 0) return [];
  const ids = changes.map(({ entry, key }) => docId(entry.kind, key));
  const { rows } = await mirror.allDocs({ keys: ids, include_docs: true });
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
