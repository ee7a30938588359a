import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import { mergeAll, type SyncKind, type SyncRecord } from '../../domain/sync-merge';
import type { StoreContext } from '../../storage/db';
import {
  applyTeamRecords,
  recomputeFigures,
  type ApplyResult,
  type PulledRecord,
} from '../../storage/sync-apply';
import { hasLocalChanges, outboxSize } from '../../storage/sync-queue';
import { syncedKind } from '../../storage/sync-records';
import { isSystemDoc, parseTeamDoc, toDoc } from './team-doc';

// A batch applies in one transaction over every table (the rep's writes wait for it): kept short.
const BATCH = 1_000;

export interface PullOutcome extends Omit<ApplyResult, 'touchedDeals'> {
  /** How far the mirror's changes are applied. */
  seq: number | string;
  /** Conflicts merged in the mirror: their result must go back to the server. */
  resolved: number;
  /** A record changed here meanwhile: the rest waits for the next round. */
  waiting: boolean;
}

/** The record a document stands for here, when a local change to it may still be unsent. */
function localKey(kind: SyncKind, key: string): { table: string; key: string } | null {
  if (kind === 'touch' || kind === 'stage') return null; // only ever added
  if (kind === 'settings') return { table: 'settings', key: 'main' };
  return { table: syncedKind(kind)!.table, key };
}

/**
 * Applies what the mirror received since `since` to the pipeline, batch by batch, merging
 * any conflicting versions first. Stops before a record with unsent local changes.
 */
export async function applyMirrorChanges(
  ctx: StoreContext,
  mirror: PouchDatabase,
  since: number | string,
  replicaId: string,
  /** Told how many documents each batch looked at (the first sync's progress). */
  onBatch: (docs: number) => void = () => undefined,
): Promise<PullOutcome> {
  const outcome: PullOutcome = {
    seq: since,
    resolved: 0,
    waiting: false,
    applied: 0,
    setAside: [],
    notices: [],
  };
  const touched = new Set<string>();
  for (;;) {
    const { results } = await mirror.changes({
      since: outcome.seq,
      limit: BATCH,
      include_docs: true,
      conflicts: true,
    });
    if (results.length === 0) break;
    const batch: PulledRecord[] = [];
    let seq = outcome.seq;
    // With nothing waiting to go (a first pull, mostly), no record is asked about one by one.
    const unsent = (await outboxSize(ctx)) > 0;
    for (const change of results) {
      const doc = change.doc;
      if (doc && !change.deleted && !isSystemDoc(change.id)) {
        const parsed = parseTeamDoc(doc._conflicts?.length ? await resolve(mirror, doc) : doc);
        if (doc._conflicts?.length) outcome.resolved++;
        if (!parsed.ok) outcome.setAside.push({ id: parsed.id, reason: parsed.reason });
        else if (onlyOwnEdits(parsed.record, replicaId)) {
          // This browser's own write coming back: the pipeline here has it already.
        } else {
          const local = localKey(parsed.kind, parsed.key);
          if (local && unsent && (await hasLocalChanges(ctx, local.table, local.key))) {
            outcome.waiting = true;
            break;
          }
          batch.push(parsed);
        }
      }
      seq = change.seq;
    }
    const applied = await applyTeamRecords(ctx, batch);
    outcome.applied += applied.applied;
    outcome.setAside.push(...applied.setAside);
    outcome.notices.push(...applied.notices);
    for (const dealId of applied.touchedDeals) touched.add(dealId);
    outcome.seq = seq;
    onBatch(results.length);
    if (outcome.waiting) break;
  }
  // Once per pull, not per batch: a first pull brings every touch of every deal.
  await recomputeFigures(ctx, touched);
  return outcome;
}

function onlyOwnEdits(record: SyncRecord, replicaId: string): boolean {
  if (record.deleted && record.deleted.by !== replicaId) return false;
  return Object.values(record.fields).every((field) => field.by === replicaId);
}

/**
 * Merges every version of a document that two browsers wrote at once, keeps the merge as the
 * winner and retires the others. Every replica merges the same versions to the same content,
 * and PouchDB's revisions are a hash of it: both write the same revision, no new conflict.
 */
async function resolve(mirror: PouchDatabase, doc: PouchDoc): Promise<PouchDoc> {
  const others = await Promise.all(doc._conflicts!.map((rev) => mirror.get(doc._id, { rev })));
  const versions = [doc, ...others].map(parseTeamDoc);
  const first = versions[0]!;
  if (!first.ok) return doc;
  const merged = mergeAll(versions.flatMap((v) => (v.ok ? [v.record] : [])));
  const winner = toDoc(first.kind, first.key, merged, doc._rev);
  await mirror.bulkDocs([
    winner,
    ...doc._conflicts!.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
  ]);
  return winner;
}
