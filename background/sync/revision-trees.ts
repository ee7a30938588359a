import type { PouchDatabase } from 'pouchdb-core';

// PouchDB's IndexedDB adapter opens a transaction of its own for every document whose
// revision tree it reads, and a replication asks about each document it is offered
// (revsDiff): two thousand transactions per batch of a first pull. Here the trees asked for
// in the same moment are read in one transaction, with the same answers.

type TreeCallback = (error: unknown, tree?: unknown) => void;

/** The two adapter methods this relies on (PouchDB 9's IndexedDB adapter). */
interface AdapterInternals {
  _getRevisionTree?: (id: string, callback: TreeCallback) => void;
  _openTransactionSafely?: (
    stores: string[],
    mode: IDBTransactionMode,
    callback: (error: unknown, txn: IDBTransaction) => void,
  ) => void;
}

/** The adapter's store of documents, each with its revision tree. */
const DOC_STORE = 'docs';

/** PouchDB's "missing" answer, which revsDiff tells apart from other errors. */
const missing = () => Object.assign(new Error('missing'), { status: 404, name: 'not_found' });

/** Batches a mirror's revision tree reads; leaves a database of another adapter as it is. */
export function batchRevisionTrees(mirror: PouchDatabase): PouchDatabase {
  const api = mirror as unknown as AdapterInternals;
  const open = api._openTransactionSafely?.bind(api);
  if (!open || typeof api._getRevisionTree !== 'function') return mirror;
  let asked: { id: string; callback: TreeCallback }[] = [];
  api._getRevisionTree = (id, callback) => {
    asked.push({ id, callback });
    if (asked.length > 1) return;
    queueMicrotask(() => {
      const batch = asked;
      asked = [];
      open([DOC_STORE], 'readonly', (error, txn) => {
        if (error) return batch.forEach(({ callback: answer }) => answer(error));
        const store = txn.objectStore(DOC_STORE);
        for (const { id: docId, callback: answer } of batch) {
          const request = store.get(docId);
          request.onsuccess = () => {
            const doc = request.result as { rev_tree?: unknown } | undefined;
            if (doc) answer(null, doc.rev_tree);
            else answer(missing());
          };
          request.onerror = () => answer(request.error);
        }
      });
    });
  };
  return mirror;
}
