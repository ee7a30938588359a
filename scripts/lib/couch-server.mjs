import { createRequire } from 'node:module';

// A CouchDB-compatible server for the bench: express-pouchdb on PouchDB's memory adapter,
// bound to 127.0.0.1 on a free port (the browser tests start the same in
// tests/e2e/couch-server.ts).

const require = createRequire(import.meta.url);

export async function startCouchServer() {
  const pouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const app = require('express')();
  app.use(
    '/',
    require('express-pouchdb')(pouchDB.defaults({ adapter: 'memory', prefix: 'bench-' }), {
      mode: 'fullCouchDB',
      inMemoryConfig: true,
      logPath: '/dev/null',
    }),
  );
  const server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  const call = async (path, method, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    url,
    addUser: (name, password) =>
      call(`/_users/org.couchdb.user:${name}`, 'PUT', { name, password, roles: [], type: 'user' }),
    createDatabase: (name) => call(`/${name}`, 'PUT'),
    info: (name) => call(`/${name}`, 'GET'),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
