import type { PouchDatabase } from 'pouchdb-core';

// Before fetching a batch, the replicator asks the mirror which revisions of the batch's
// documents it lacks (revsDiff): a read of every document, ten thousand per batch of a first
// pull, each answered on the worker's thread while it applies the batch before. Into a mirror
// that was empty when the round began, a document neither this round's push wrote nor the
// download brought yet cannot be there: it lacks every revision, known without a read.
// Measured on a first pull of 130,000 documents: 0.3 s of each batch's round to 0.02 s.
// Were one taken as missing wrongly, it would only be fetched again: PouchDB writes a
// revision the mirror holds already as a no-op.

/** The replicator's question: revisions offered per document id. */
type RevsDiffRequest = Record<string, string[]>;
type RevsDiffAnswer = Record<string, { missing: string[] }>;

interface Asking {
  revsDiff: (diff: RevsDiffRequest) => Promise<RevsDiffAnswer>;
}

/**
 * Answers the mirror's revsDiff for documents `mayHave` says it cannot hold, without reading
 * them; the others are asked of the mirror. Returns how to give the mirror back its own.
 */
export function answerUnreadWhileEmpty(
  mirror: PouchDatabase,
  mayHave: (id: string) => boolean,
): () => void {
  const asking = mirror as unknown as Asking;
  const own = asking.revsDiff;
  asking.revsDiff = async (diff) => {
    const read: RevsDiffRequest = {};
    const answer: RevsDiffAnswer = {};
    for (const [id, revs] of Object.entries(diff)) {
      if (mayHave(id)) read[id] = revs;
      else answer[id] = { missing: revs };
    }
    if (Object.keys(read).length === 0) return answer;
    return { ...(await own.call(mirror, read)), ...answer };
  };
  return () => {
    asking.revsDiff = own;
  };
}
