// The small part of PouchDB 9's API the team sync uses (the packages ship no types).

declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  export interface PouchChange {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: PouchDoc;
  }
  export interface PouchWriteResult {
    ok?: boolean;
    id: string;
    rev?: string;
    error?: string;
    reason?: string;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_written: number;
    docs_read: number;
    last_seq: number | string;
    doc_write_failures: number;
    errors: unknown[];
  }
  export interface Replication extends Promise<ReplicationResult> {
    on(
      event: 'denied',
      listener: (error: { id?: string; reason?: string; message?: string }) => void,
    ): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    cancel(): void;
  }
  export interface PouchDatabase {
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
    allDocs(options: { keys: string[]; include_docs: true; conflicts?: boolean }): Promise<{
      rows: { key: string; doc?: PouchDoc | null; error?: string }[];
    }>;
    bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<PouchWriteResult[]>;
    changes(options: {
      since: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
    }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
    info(): Promise<{ update_seq: number | string; doc_count: number }>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  export interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    replicate(
      source: PouchDatabase,
      target: PouchDatabase,
      options?: Record<string, unknown>,
    ): Replication;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
