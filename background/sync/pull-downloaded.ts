import type { PouchChange, PouchDatabase, PouchDoc } from 'pouchdb-core';
import type { StoreContext } from '../../storage/db';
import {
  applyBatch,
  finishApplying,
  startApplying,
  type ApplyOptions,
  type PullOutcome,
} from './pull';

/**
 * Documents applied per transaction in a first pull. It is two and a half times a later
 * pull's (./pull.ts BATCH): a first pull brings a whole pipeline, and applying it a thousand
 * at a time fell behind the download (70 batches of 1,000 were still waiting when the last
 * document came). A rep's own write waits for one such transaction: up to two seconds on a
 * loaded two-core machine, against one and a half for a thousand.
 */
const FIRST_PULL_BATCH = 2_500;

/**
 * The documents a download writes into the mirror, batch by batch, as the replicator reports
 * them, for the code that applies them while the download still runs.
 */
export function downloadedDocs() {
  const waiting: PouchDoc[][] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const tell = () => wake?.();
  return {
    /** A batch is in the mirror. */
    arrived(docs: PouchDoc[]): void {
      if (docs.length > 0) waiting.push(docs);
      tell();
    },
    /** The download whose batches these are: once it ends, failed or not, nothing more comes. */
    endWith(download: Promise<unknown>): void {
      const end = () => ((ended = true), tell());
      void download.then(end, end);
    },
    /** The next batch, once there is one; null once the download ended and all are taken. */
    async next(): Promise<PouchDoc[] | null> {
      while (waiting.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
      wake = null;
      return waiting.shift() ?? null;
    },
  };
}

export type DownloadedDocs = ReturnType<typeof downloadedDocs>;

/** A downloaded document as a change of the mirror's (the replicator's own fields left out). */
function asChange(doc: PouchDoc, seq: number | string): PouchChange {
  const { _revisions: _history, ...content } = doc;
  return { id: doc._id, seq, ...(doc._deleted ? { deleted: true } : {}), doc: content };
}

/**
 * Applies a download into a mirror that was empty when the round began (a first pull) from
 * the documents the replicator fetched, instead of reading each back from the mirror: there,
 * a document downloaded once is the only version the mirror has, so it is the mirror's
 * winner and has no conflict. Documents this round's push also wrote, and any downloaded
 * twice, may have several versions in the mirror: they are read from it once the download is
 * over, conflicts and all, and applied as any pull applies them.
 */
export async function applyDownloaded(
  ctx: StoreContext,
  mirror: PouchDatabase,
  since: number | string,
  replicaId: string,
  downloads: DownloadedDocs,
  /** The documents this round's push wrote into the mirror. */
  pushedIds: ReadonlySet<string>,
  { onBatch = () => undefined, server = null }: ApplyOptions = {},
): Promise<PullOutcome> {
  const state = await startApplying(ctx, mirror, since, replicaId, server);
  /** Applies changes a batch at a time; false once a record changed here meanwhile. */
  const apply = async (changes: PouchChange[]): Promise<boolean> => {
    for (let start = 0; start < changes.length; start += FIRST_PULL_BATCH) {
      await applyBatch(state, changes.slice(start, start + FIRST_PULL_BATCH));
      if (state.outcome.waiting) return false;
    }
    return true;
  };
  const seen = new Set<string>();
  const later = new Set<string>();
  for (let docs = await downloads.next(); docs; docs = await downloads.next()) {
    const straight: PouchChange[] = [];
    for (const doc of docs) {
      if (pushedIds.has(doc._id) || seen.has(doc._id)) later.add(doc._id);
      else straight.push(asChange(doc, since));
      seen.add(doc._id);
    }
    if (!(await apply(straight))) break;
    onBatch(docs.length);
  }
  if (!state.outcome.waiting) {
    // Every change the mirror has is now applied, or read back and applied below.
    const { update_seq: end } = await mirror.info();
    const { rows } = await mirror.allDocs({
      keys: [...later],
      include_docs: true,
      conflicts: true,
    });
    if (await apply(rows.flatMap((row) => (row.doc ? [asChange(row.doc, since)] : []))))
      state.outcome.seq = end;
  }
  // A record changed here meanwhile: the next round applies the mirror's changes from `since`.
  if (state.outcome.waiting) state.outcome.seq = since;
  return finishApplying(state);
}
