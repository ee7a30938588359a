// How records from several browsers become one team pipeline. A synced record is a document
// whose every field carries the stamp of its last edit (when, and which browser). Merging two
// versions keeps, field by field, the later edit; ties fall to the browser id and then to the
// value itself, so every replica merging the same versions in any order gets the same result.

/** When an edit was made and by which browser (a random id each install keeps). */
export interface Stamp {
  at: number;
  by: string;
}

/** One field's value with the stamp of the edit that set it. */
export interface StampedField extends Stamp {
  v: unknown;
}

/** A record as it syncs: stamped fields, and a deletion stamp once someone deleted it. */
export interface SyncRecord {
  fields: Record<string, StampedField>;
  deleted: Stamp | null;
}

/** The kinds of record a team shares, and the id prefix of their documents. */
export const SYNC_KINDS = [
  'deal',
  'contact',
  'link',
  'touch',
  'stage',
  'settings',
  'objection',
] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** Kinds that are only ever added: a second version of one never changes what the first said. */
export const APPEND_ONLY_KINDS: ReadonlySet<SyncKind> = new Set<SyncKind>(['touch', 'stage']);

/** A stable text form of a value: object keys sorted, so equal values compare equal. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** Positive when a is the later stamp; the browser id breaks a tie of times. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.by < b.by ? -1 : a.by > b.by ? 1 : 0;
}

function laterField(a: StampedField, b: StampedField): StampedField {
  const order = compareStamps(a, b);
  if (order !== 0) return order > 0 ? a : b;
  // Same browser, same millisecond: the value decides, so both replicas still agree.
  return canonical(a.v) >= canonical(b.v) ? a : b;
}

function laterDeletion(a: Stamp | null, b: Stamp | null): Stamp | null {
  if (!a || !b) return a ?? b;
  return compareStamps(a, b) >= 0 ? a : b;
}

/** Merges two versions of one record: commutative, associative and idempotent. */
export function mergeRecords(a: SyncRecord, b: SyncRecord): SyncRecord {
  const fields: Record<string, StampedField> = {};
  for (const name of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
    const left = a.fields[name];
    const right = b.fields[name];
    fields[name] = left && right ? laterField(left, right) : (left ?? right)!;
  }
  return { fields: sortedKeys(fields), deleted: laterDeletion(a.deleted, b.deleted) };
}

/** Merges any number of versions; the order they come in does not matter. */
export function mergeAll(versions: SyncRecord[]): SyncRecord {
  return versions.reduce(mergeRecords, { fields: {}, deleted: null });
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]!]),
  );
}

/** The last edit to any field: the record's own time of change. */
export function lastEditAt(record: SyncRecord): number {
  let last = 0;
  for (const field of Object.values(record.fields)) last = Math.max(last, field.at);
  return last;
}

/**
 * Whether the merged record stands deleted. A deletion holds against every edit made before
 * it; an edit made after it (by someone who had not seen it yet) keeps the record, and the
 * rep is told either way (see deletionNotice).
 */
export function isDeleted(record: SyncRecord): boolean {
  return record.deleted !== null && record.deleted.at >= lastEditAt(record);
}

export type DeletionNotice = 'deleted-by-teammate' | 'kept-after-deletion' | null;

/**
 * What the rep must hear when a merged record replaces the one they had: a record they have
 * was deleted elsewhere, or a deletion was overruled by a later edit elsewhere.
 */
export function deletionNotice(had: SyncRecord | null, merged: SyncRecord): DeletionNotice {
  if (!had) return null;
  if (!isDeleted(had) && isDeleted(merged)) return 'deleted-by-teammate';
  if (isDeleted(had) && !isDeleted(merged)) return 'kept-after-deletion';
  return null;
}

/**
 * Stamps the fields of a local record that differ from the version last synced: the edit the
 * rep made here. Append-only kinds are never re-stamped once they exist.
 */
export function stampLocalEdit(
  kind: SyncKind,
  synced: SyncRecord | null,
  current: Record<string, unknown> | null,
  stamp: Stamp,
): SyncRecord | null {
  if (current === null) {
    if (!synced || synced.deleted || APPEND_ONLY_KINDS.has(kind)) return null;
    return { fields: synced.fields, deleted: stamp };
  }
  if (synced && APPEND_ONLY_KINDS.has(kind)) return null;
  // Re-creating a record deleted before: every field is a new edit, later than the deletion.
  const revived = synced !== null && isDeleted(synced);
  const fields: Record<string, StampedField> = { ...synced?.fields };
  let changed = false;
  for (const [name, value] of Object.entries(current)) {
    const before = synced?.fields[name];
    if (!revived && before && canonical(before.v) === canonical(value)) continue;
    fields[name] = { v: value ?? null, at: stamp.at, by: stamp.by };
    changed = true;
  }
  if (!changed) return null;
  return { fields: sortedKeys(fields), deleted: synced?.deleted ?? null };
}

/** The plain values of a record's fields. */
export function valuesOf(record: SyncRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record.fields).map(([name, f]) => [name, f.v]));
}
