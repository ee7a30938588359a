import { describe, expect, it } from 'vitest';
import type { PouchDatabase } from 'pouchdb-core';
import { batchRevisionTrees } from '../../../background/sync/revision-trees';

// The mirror reads the revision trees a replication asks about together
// (background/sync/revision-trees.ts). PouchDB's IndexedDB adapter needs a browser; here a
// database shaped like its store of documents stands in, behind the two adapter methods
// the batching uses. The browser tests of team sync run it with PouchDB itself.

let databases = 0;

/** An adapter-like object over an IndexedDB store `docs` holding these documents. */
async function adapterWith(docs: { id: string; rev_tree: unknown }[]) {
  const open = indexedDB.open(`trees-${++databases}`, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('docs', { keyPath: 'id' });
  const db = await new Promise<IDBDatabase>(
    (resolve) => (open.onsuccess = () => resolve(open.result)),
  );
  const write = db.transaction('docs', 'readwrite');
  for (const doc of docs) write.objectStore('docs').put(doc);
  await new Promise((resolve) => (write.oncomplete = resolve));
  const transactions: IDBTransactionMode[] = [];
  const api = {
    _openTransactionSafely(
      stores: string[],
      mode: IDBTransactionMode,
      callback: (e: unknown, t: IDBTransaction) => void,
    ) {
      transactions.push(mode);
      // As PouchDB does: the transaction is handed over a moment after it is made.
      const txn = db.transaction(stores, mode);
      void Promise.resolve().then(() => callback(null, txn));
    },
    _getRevisionTree: () => {
      throw new Error('replaced');
    },
  };
  return { api, transactions, mirror: batchRevisionTrees(api as unknown as PouchDatabase) };
}

const treeOf = (api: { _getRevisionTree: unknown }, id: string) =>
  new Promise<{ error: unknown; tree: unknown }>((resolve) =>
    (api._getRevisionTree as (id: string, cb: (e: unknown, t?: unknown) => void) => void)(
      id,
      (error, tree) => resolve({ error, tree }),
    ),
  );

describe('a mirror’s revision trees, read together', () => {
  it('answers every document asked for at once from one transaction, a missing one as PouchDB does', async () => {
    const trees = Array.from({ length: 50 }, (_, i) => ({
      id: `touch:${i}`,
      rev_tree: [{ pos: 1, ids: [`r${i}`, {}, []] }],
    }));
    const { api, transactions } = await adapterWith(trees);
    const answers = await Promise.all(
      [...trees.map((doc) => doc.id), 'touch:none'].map((id) => treeOf(api, id)),
    );
    expect(transactions).toEqual(['readonly']);
    expect(answers.slice(0, 50).map((answer) => answer.tree)).toEqual(
      trees.map((doc) => doc.rev_tree),
    );
    // revsDiff reads exactly this as "not here": every revision offered is missing.
    expect(answers[50]!.error).toMatchObject({ status: 404, message: 'missing' });
    // Asked later, in another moment: another transaction.
    expect((await treeOf(api, 'touch:7')).tree).toEqual(trees[7]!.rev_tree);
    expect(transactions).toHaveLength(2);
  });

  it('leaves a database of another adapter as it is', () => {
    const remote = { get: () => undefined } as unknown as PouchDatabase;
    expect(batchRevisionTrees(remote)).toBe(remote);
    expect('_getRevisionTree' in remote).toBe(false);
  });
});
