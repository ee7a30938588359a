import type { SyncKind } from '../domain/sync-merge';

// Which tables and which of their fields a team shares. Whatever is not listed stays in this
// browser: a deal's snooze (the rep's own reminder), every figure worked out from touches and
// the day a deal is owed an answer (both recomputed after each pull), the rep's language,
// theme, notification and LinkedIn choices, and pending sends (a touch syncs only once its
// message is confirmed). A deal the rep keeps private (its own `private` field, never listed
// here) does not go at all, nor what hangs on it: storage/sync-private.ts.

export interface SyncedTable {
  table: string;
  kind: SyncKind;
  /** The fields that travel; the record's primary key travels in the document id. */
  fields: readonly string[];
  /** The document key of a record (the same message recorded twice has one key). */
  docKey(record: Record<string, unknown>): string;
  /** The document key of a record deleted here, from its primary key; null: never deleted. */
  deletedKey(primaryKey: unknown): string | null;
  /** Whether a record is shared at all (a pending send is not, yet). */
  shared(record: Record<string, unknown>): boolean;
}

const always = () => true;
const never = () => null;
const ownKey = (key: unknown) => String(key);

export const SYNCED_RECORDS: readonly SyncedTable[] = [
  {
    table: 'deals',
    kind: 'deal',
    fields: [
      'title',
      'company',
      'value',
      'currency',
      'stageId',
      'status',
      'closeReason',
      'closedAt',
      'expectedClose',
      'contactIds',
      'bant',
      'checkedExitItems',
      'notes',
      'createdAt',
      'stageChangedAt',
      // Merged like every other field: the latest handover wins on every replica.
      'owner',
    ],
    docKey: (deal) => String(deal.id),
    deletedKey: ownKey,
    shared: always,
  },
  {
    table: 'contacts',
    kind: 'contact',
    fields: [
      'name',
      'email',
      'company',
      'headline',
      'location',
      'linkedinUrl',
      'linkedinMemberId',
      'createdAt',
    ],
    docKey: (contact) => String(contact.id),
    deletedKey: ownKey,
    shared: always,
  },
  {
    table: 'links',
    kind: 'link',
    fields: ['kind', 'dealId', 'account', 'externalId', 'url', 'label', 'createdAt'],
    docKey: (link) => String(link.key),
    deletedKey: ownKey,
    shared: always,
  },
  {
    table: 'touches',
    kind: 'touch',
    fields: ['id', 'dealId', 'channel', 'direction', 'at', 'sourceKey', 'note', 'createdAt'],
    // The message's own id: recorded in two browsers, it is still one touch.
    docKey: (touch) => String(touch.sourceKey ?? `local:${String(touch.id)}`),
    deletedKey: never,
    shared: (touch) => touch.pending !== true,
  },
  {
    table: 'stageHistory',
    kind: 'stage',
    fields: ['dealId', 'from', 'to', 'at'],
    docKey: (change) => `${String(change.dealId)}:${String(change.at)}:${String(change.to)}`,
    deletedKey: never,
    shared: always,
  },
  {
    // Edited after they are logged (an answer given, a promise kept): merged field by field
    // like deals. The deal's answerDueAt is worked out from them in each browser.
    table: 'objections',
    kind: 'objection',
    fields: [
      'dealId',
      'kind',
      'words',
      'answer',
      'stageId',
      'answerDueAt',
      'promiseClosedAt',
      'answeredAt',
      'createdAt',
    ],
    docKey: (objection) => String(objection.id),
    deletedKey: ownKey,
    shared: always,
  },
  {
    table: 'settings',
    kind: 'settings',
    fields: ['stages', 'cadence', 'currency'],
    docKey: () => 'team',
    deletedKey: never,
    shared: always,
  },
];

export function syncedTable(table: string): SyncedTable | undefined {
  return SYNCED_RECORDS.find((entry) => entry.table === table);
}

export function syncedKind(kind: string): SyncedTable | undefined {
  return SYNCED_RECORDS.find((entry) => entry.kind === kind);
}

/** The shared fields of a record, in the order listed. */
export function sharedFields(entry: SyncedTable, record: object): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(entry.fields.map((name) => [name, values[name] ?? null]));
}
