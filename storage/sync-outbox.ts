import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { z } from 'zod';
import { keysInRange } from './dbcore-keys';

// Every write to a table the team shares leaves a note in the outbox, in the same transaction
// as the write itself: whichever code path wrote (a request, an import, a restore, a delete
// of a whole range), the change cannot commit without its note, nor the note without it. The
// worker's sync turns notes into team documents (background/sync/push.ts).

export const OUTBOX_TABLE = 'syncOutbox';

/**
 * The outbox's first row marks that this browser is in a team: only then are writes noted.
 * Notes themselves start at 1.
 */
export const TEAM_MARK_SEQ = 0;

/** The tables whose records sync to the team. */
export const SYNCED_TABLES: ReadonlySet<string> = new Set([
  'deals',
  'contacts',
  'links',
  'touches',
  'stageHistory',
  'settings',
  'objections',
]);

export const outboxEntrySchema = z.object({
  seq: z.number().int().nonnegative().optional(),
  table: z.string().min(1).max(50),
  key: z.union([z.string().min(1).max(1_000), z.number().int()]),
  /** When the record was written here: the time its edit carries to the team. */
  at: z.number().int().nonnegative(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** Transactions that apply what came from the team: their writes are not sent back. */
const applyingPull = new WeakSet<object>();

/** Marks a Dexie transaction (its `idbtrans`) as one that applies pulled records. */
export function markPullTransaction(trans: object): void {
  applyingPull.add(trans);
}

function writtenKeys(req: DBCoreMutateRequest, res: DBCoreMutateResponse): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  const keys = res.results ?? req.keys ?? [];
  return keys.filter((key, i) => key !== undefined && !(i in res.failures));
}

function isRecorded(trans: DBCoreTransaction): boolean {
  // A schema upgrade is the same on every browser: it is not an edit to share.
  const mode = (trans as unknown as { mode?: string }).mode;
  return mode !== 'versionchange' && !applyingPull.has(trans);
}

// Promise chains, not await: Dexie's lower layers find their transaction through the
// promise zone, which a native await between two calls would lose.
function recordingTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  const outbox = () => down.table(OUTBOX_TABLE);
  return {
    ...table,
    mutate(req) {
      if (!isRecorded(req.trans)) return table.mutate(req);
      // Without a team, the outbox holds no mark and nothing is noted.
      return outbox()
        .get({ trans: req.trans, key: TEAM_MARK_SEQ })
        .then((mark) => {
          if (!mark) return table.mutate(req);
          return keysInRange(table, req).then((ranged) =>
            table.mutate(req).then((res) => {
              const keys = [...ranged, ...writtenKeys(req, res)];
              if (keys.length === 0) return res;
              const at = Date.now();
              const values = keys.map((key) => ({ table: table.name, key, at }));
              return outbox()
                .mutate({ type: 'add', trans: req.trans, values })
                .then(() => res);
            }),
          );
        });
    },
  };
}

/** The Dexie middleware that writes the outbox notes (ThreadlineDB installs it). */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'team-sync-outbox',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' &&
          !stores.includes(OUTBOX_TABLE) &&
          stores.some((name) => SYNCED_TABLES.has(name));
        return down.transaction(widen ? [...stores, OUTBOX_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return SYNCED_TABLES.has(name) ? recordingTable(down, table) : table;
      },
    };
  },
};
