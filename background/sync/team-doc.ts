import { z } from 'zod';
import { SYNC_KINDS, type SyncKind, type SyncRecord } from '../../domain/sync-merge';
import type { PouchDoc } from 'pouchdb-core';

// A team document: `<kind>:<key>` as its id, the record's stamped fields, a deletion stamp.
// Whatever a server hands over is checked here before anything of it is applied.

/** Larger than any record the pipeline writes (a deal's notes are at most 50,000 characters). */
const MAX_DOC_CHARS = 256_000;

const stamp = z.object({ at: z.number().int().nonnegative(), by: z.string().min(1).max(64) });

const teamDocSchema = z.object({
  _id: z.string().min(3).max(1_100),
  kind: z.enum(SYNC_KINDS),
  fields: z.record(z.string().min(1).max(60), stamp.extend({ v: z.unknown() })),
  deleted: stamp.nullable(),
});

/** The team's roster: the member names deals are checked against (./roster.ts). */
export const ROSTER_ID = 'roster:team';

export function docId(kind: SyncKind, key: string): string {
  return `${kind}:${key}`;
}

export function toDoc(kind: SyncKind, key: string, record: SyncRecord, rev?: string): PouchDoc {
  return {
    _id: docId(kind, key),
    ...(rev ? { _rev: rev } : {}),
    kind,
    fields: record.fields,
    deleted: record.deleted,
  };
}

export type ParsedDoc =
  | { ok: true; id: string; kind: SyncKind; key: string; record: SyncRecord }
  | {
      ok: false;
      id: string;
      reason: string;
      /** A deal's owner that the team's roster does not list (./roster.ts). */
      notMember?: string;
    };

/** A pulled document as a record, or why it is set aside. */
export function parseTeamDoc(doc: PouchDoc): ParsedDoc {
  const id = String(doc._id);
  if (JSON.stringify(doc).length > MAX_DOC_CHARS) return { ok: false, id, reason: 'too large' };
  const parsed = teamDocSchema.safeParse(doc);
  if (!parsed.success)
    return { ok: false, id, reason: parsed.error.issues[0]?.message ?? 'malformed' };
  const { kind, fields, deleted } = parsed.data;
  if (!id.startsWith(`${kind}:`) || id.length === kind.length + 1)
    return { ok: false, id, reason: `the id does not name a ${kind}` };
  const record: SyncRecord = {
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, f]) => [name, { v: f.v ?? null, at: f.at, by: f.by }]),
    ),
    deleted,
  };
  return { ok: true, id, kind, key: id.slice(kind.length + 1), record };
}

/**
 * Documents that are not records of the pipeline: design documents and the like, and the
 * team's roster, which deals are checked against (./roster.ts).
 */
export function isSystemDoc(id: string): boolean {
  return id.startsWith('_') || id === ROSTER_ID;
}
