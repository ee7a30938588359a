import PouchDB, { type PouchDatabase } from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import Replication from 'pouchdb-replication';
import { batchRevisionTrees } from './revision-trees';

// PouchDB runs only here, in the worker: the pages and content scripts never load it.
const Pouch = PouchDB.plugin(HttpAdapter).plugin(IndexedDbAdapter).plugin(Replication);

export { Pouch };

/** The team's database on its server; requests carry the session cookie the browser keeps. */
export function remoteDatabase(server: string, database: string): PouchDatabase {
  return new Pouch(`${server}/${encodeURIComponent(database)}`, {
    adapter: 'http',
    skip_setup: true,
    fetch: (url: string, options: RequestInit) =>
      fetch(url, { ...options, credentials: 'include' }),
  });
}

/** The local mirror of the team database: what was last sent and received, with checkpoints. */
export function mirrorDatabase(name: string): PouchDatabase {
  return batchRevisionTrees(new Pouch(name, { adapter: 'indexeddb' }));
}
