import type { PouchChange, PouchDatabase, PouchDoc } from 'pouchdb-core';
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
import type { KnownMarks } from '../../storage/sync-private';
import { isSystemDoc, parseTeamDoc, toDoc, type ParsedDoc } from './team-doc';
import { readRoster, setAsideOf, withinRoster } from './roster';

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

export interface ApplyOptions {
  /** Told how many documents each batch looked at (the first sync's progress). */
  onBatch?: (docs: number) => void;
  /** Whether more may come, once all there is is applied (a download still running). */
  more?: () => Promise<boolean>;
  /** The team's server: asked for its roster when the mirror's does not list a deal's owner. */
  server?: PouchDatabase | null;
}

/**
 * A deal whose owner the team's roster does not list is set aside (./roster.ts). The roster
 * read first is the mirror's; while a download still runs, a newer one may be on its way, so
 * a deal it does not list has the server's asked for once (a roster only ever grows).
 */
async function rosterCheck(mirror: PouchDatabase, server: PouchDatabase | null) {
  let roster = await readRoster(mirror);
  let asked = server === null;
  return {
    async check(parsed: ParsedDoc): Promise<ParsedDoc> {
      const checked = withinRoster(parsed, roster);
      if (checked.ok || checked.notMember === undefined || asked) return checked;
      asked = true;
      roster = (await readRoster(server!)) ?? roster;
      return withinRoster(parsed, roster);
    },
  };
}

/** What applying a pull keeps from batch to batch. */
export interface Applying {
  ctx: StoreContext;
  mirror: PouchDatabase;
  replicaId: string;
  outcome: PullOutcome;
  /** Deals whose figures are worked out again once everything is in. */
  touched: Set<string>;
  roster: Awaited<ReturnType<typeof rosterCheck>>;
  marks: KnownMarks;
}

/** A pull about to apply the mirror's changes from `since`. */
export async function startApplying(
  ctx: StoreContext,
  mirror: PouchDatabase,
  since: number | string,
  replicaId: string,
  server: PouchDatabase | null,
): Promise<Applying> {
  return {
    ctx,
    mirror,
    replicaId,
    outcome: { seq: since, resolved: 0, waiting: false, applied: 0, setAside: [], notices: [] },
    touched: new Set(),
    roster: await rosterCheck(mirror, server),
    marks: new Map(),
  };
}

/**
 * Applies one batch of the mirror's changes, merging any conflicting versions first, up to a
 * record with unsent local changes (then `outcome.waiting`). `outcome.seq` becomes the last
 * change's sequence.
 */
export async function applyBatch(state: Applying, changes: PouchChange[]): Promise<void> {
  const { ctx, mirror, outcome, roster } = state;
  const batch: PulledRecord[] = [];
  let seq = outcome.seq;
  // With nothing waiting to go (a first pull, mostly), no record is asked about one by one.
  const unsent = (await outboxSize(ctx)) > 0;
  for (const change of changes) {
    const doc = change.doc;
    if (doc && !change.deleted && !isSystemDoc(change.id)) {
      const pulled = doc._conflicts?.length ? await resolve(mirror, doc) : doc;
      const parsed = await roster.check(parseTeamDoc(pulled));
      if (doc._conflicts?.length) outcome.resolved++;
      if (!parsed.ok) outcome.setAside.push(setAsideOf(parsed));
      else if (onlyOwnEdits(parsed.record, state.replicaId)) {
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
  const applied = await applyTeamRecords(ctx, batch, state.marks);
  outcome.applied += applied.applied;
  outcome.setAside.push(...applied.setAside);
  outcome.notices.push(...applied.notices);
  for (const dealId of applied.touchedDeals) state.touched.add(dealId);
  outcome.seq = seq;
}

/** Once per pull, not per batch: a first pull brings every touch of every deal. */
export async function finishApplying(state: Applying): Promise<PullOutcome> {
  await recomputeFigures(state.ctx, state.touched);
  return state.outcome;
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
  {
    onBatch = () => undefined,
    more = () => Promise.resolve(false),
    server = null,
  }: ApplyOptions = {},
): Promise<PullOutcome> {
  const state = await startApplying(ctx, mirror, since, replicaId, server);
  for (;;) {
    const { results } = await mirror.changes({
      since: state.outcome.seq,
      limit: BATCH,
      include_docs: true,
      conflicts: true,
    });
    if (results.length === 0) {
      if (await more()) continue;
      break;
    }
    await applyBatch(state, results);
    onBatch(results.length);
    if (state.outcome.waiting) break;
  }
  return finishApplying(state);
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
