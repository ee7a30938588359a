import { createRequire } from 'node:module';
import type { PouchDatabase, PouchStatic } from 'pouchdb-core';

// PouchDB's memory adapter stands in for the worker's IndexedDB mirror and for the team's
// server in the sync tests (the IndexedDB adapter needs a browser).

const require = createRequire(import.meta.url);
export const Pouch: PouchStatic = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-replication'));

let databases = 0;

/** A new, empty database in memory. */
export const memoryDb = (): PouchDatabase =>
  new Pouch(`memory-${++databases}`, { adapter: 'memory' });
