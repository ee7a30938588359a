import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

// A CouchDB-compatible server for tests: express-pouchdb on PouchDB's memory adapter, bound to
// 127.0.0.1 on a free port, started and stopped by the test that needs it.

const require = createRequire(import.meta.url);

export interface CouchServer {
  /** http://127.0.0.1:<port> */
  url: string;
  addUser(name: string, password: string): Promise<void>;
  /** Makes a server admin: the server leaves admin party, as a real CouchDB 3 is. */
  addAdmin(name: string, password: string): Promise<void>;
  createDatabase(name: string): Promise<void>;
  /** Drops every connection until resumed: the server is out of reach. */
  pause(): void;
  resume(): void;
  /** PUT a document as it is, as a broken or hostile server would hand it over. */
  put(path: string, body: unknown): Promise<void>;
  /** Every request that reached the server, as "METHOD /path", oldest first. */
  requests: string[];
  /** GET a path as the server's admin (the test's own view of what the team has). */
  get<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

async function ok(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

let pouchDB: { defaults(options: object): unknown } | null = null;
let servers = 0;

export async function startCouchServer(): Promise<CouchServer> {
  // PouchDB takes each plugin once per process; each server keeps its databases apart.
  pouchDB ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const express = require('express');
  const expressPouchDB = require('express-pouchdb');
  const app = express();
  let paused = false;
  const requests: string[] = [];
  app.use(
    (
      req: { method: string; url: string; socket: { destroy(): void } },
      _res: unknown,
      next: () => void,
    ) => {
      requests.push(`${req.method} ${req.url}`);
      return paused ? req.socket.destroy() : next();
    },
  );
  app.use(
    '/',
    expressPouchDB(pouchDB!.defaults({ adapter: 'memory', prefix: `server-${++servers}-` }), {
      mode: 'fullCouchDB',
      inMemoryConfig: true,
      logPath: '/dev/null',
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const json = { 'Content-Type': 'application/json' };
  return {
    url,
    async addUser(name, password) {
      const response = await fetch(`${url}/_users/org.couchdb.user:${name}`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ name, password, roles: [], type: 'user' }),
      });
      await ok(response, `user ${name}`);
    },
    async addAdmin(name, password) {
      const response = await fetch(`${url}/_config/admins/${name}`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(password),
      });
      await ok(response, `admin ${name}`);
    },
    async createDatabase(name) {
      await ok(await fetch(`${url}/${name}`, { method: 'PUT' }), `database ${name}`);
    },
    requests,
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    async put(path, body) {
      const response = await fetch(`${url}${path}`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(body),
      });
      await ok(response, path);
    },
    async get(path) {
      const response = await fetch(`${url}${path}`);
      await ok(response, path);
      return (await response.json()) as never;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
