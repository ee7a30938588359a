import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import type { StoreContext } from '../../storage/db';
import { pushOutbox } from './push';
import type { SyncState, TeamConfig } from './state';

type Seq = number | string;

/** What a push wrote, and where this round's replications start instead of their checkpoints. */
export interface Pushed {
  /** Documents written into the mirror. */
  written: number;
  /** null: the server has every document the mirror has, nothing to upload. */
  up?: Seq | null;
  down?: Seq;
}

/**
 * Sends the documents a push writes to the mirror for the first time straight on to the
 * server, while the next batch is being prepared, instead of leaving them all to the
 * replicator (which reads each back from the mirror before sending it). They go with the
 * revision the mirror gave them (`new_edits: false`), so the server holds the very same
 * revision. One upload runs while the next batch is made.
 *
 * The replication to the server starts from its checkpoint unless the server had the
 * mirror's every document before this push. Then it starts at the push's first document, or
 * after its last when the server took them all, and does not run at all when the push wrote
 * nothing: what a download writes into the mirror came from the server (a first pull would
 * otherwise read every document back to ask the server about it).
 * The replication from the server starts after the push's documents when the server took
 * them all, the last pull had the server's every change before this push, and the server
 * counted no change but these meanwhile; otherwise from its checkpoint.
 * One that starts from its checkpoint sends or fetches whatever is missing, whatever failed
 * or was refused here included (a refusal is reported there as ever).
 */
export async function pushAhead(
  ctx: StoreContext,
  mirror: PouchDatabase,
  remote: PouchDatabase,
  state: SyncState & { team: TeamConfig },
  report: {
    onNoted(records: number): void;
    onTaken(docs: number): void;
    /** Given the documents written into the mirror new. */
    onNew?(docs: PouchDoc[]): void;
  },
): Promise<Pushed> {
  const [mirrorBefore, serverBefore] = await Promise.all([seqOf(mirror), seqOf(remote)]);
  const ahead = uploadAhead(remote, report.onTaken);
  const written = await pushOutbox(ctx, mirror, state.team.replicaId, report.onNoted, (docs) => {
    report.onNew?.(docs);
    return ahead.send(docs);
  });
  // The server had every document the mirror held before this push (the last round sent
  // them): only what the push wrote can be missing there, whatever a download adds meanwhile.
  const serverHadAll = mirrorBefore !== null && mirrorBefore === state.pushedSeq;
  if (written === 0) return { written, ...(serverHadAll ? { up: null } : {}) };
  if ((await ahead.done()) !== written)
    return { written, ...(serverHadAll ? { up: mirrorBefore } : {}) };
  const [mirrorAfter, serverAfter] = await Promise.all([seqOf(mirror), seqOf(remote)]);
  const serverOnlyOurs =
    serverBefore !== null &&
    serverAfter !== null &&
    changeCount(state.pulledSeq) === changeCount(serverBefore) &&
    changeCount(serverAfter) - changeCount(serverBefore) === written;
  return {
    written,
    ...(serverHadAll && mirrorAfter !== null ? { up: mirrorAfter } : {}),
    ...(serverOnlyOurs ? { down: serverAfter } : {}),
  };
}

function seqOf(db: PouchDatabase): Promise<Seq | null> {
  return db.info().then(
    (info) => info.update_seq,
    () => null,
  );
}

/**
 * How many changes a database had at a sequence: CouchDB's sequences are opaque strings that
 * start with that number ("1234-g1AAAA…"), PouchDB's are the number itself.
 */
export function changeCount(seq: Seq): number {
  return typeof seq === 'number' ? seq : Number.parseInt(seq, 10);
}

function uploadAhead(remote: PouchDatabase, onTaken: (docs: number) => void) {
  let last: Promise<void> = Promise.resolve();
  let taken = 0;
  return {
    async send(docs: PouchDoc[]): Promise<void> {
      if (docs.length === 0) return;
      const previous = last;
      last = previous
        .then(() => remote.bulkDocs(docs, { new_edits: false }))
        .then((results) => {
          // With new_edits false, CouchDB lists only the documents it did not take.
          const ok = docs.length - results.filter((result) => result.error).length;
          taken += ok;
          onTaken(ok);
        })
        .catch(() => undefined);
      await previous;
    },
    /** Once every upload has ended: how many documents the server took. */
    done: (): Promise<number> => last.then(() => taken),
  };
}
