import { emptyBant } from '../../../domain/bant';
import { stampLocalEdit, type SyncKind, type SyncRecord } from '../../../domain/sync-merge';
import type { PulledRecord } from '../../../storage/sync-apply';
import { sharedFields, syncedKind } from '../../../storage/sync-records';

// Records as a teammate's browser sends them, for the tests of what a pull applies.

/** A record of `kind` with these values, stamped by a teammate at `at`. */
export function fromTeammate(kind: SyncKind, key: string, values: object, at = 1): PulledRecord {
  const record = stampLocalEdit(kind, null, sharedFields(syncedKind(kind)!, values), {
    at,
    by: 'teammate',
  }) as SyncRecord;
  return { id: `${kind}:${key}`, kind, key, record };
}

/** Every shared field of an open deal, as a teammate's browser has it. */
export function teamDealValues(title: string, change: object = {}) {
  return {
    title,
    company: 'Initech',
    value: 1_000,
    currency: 'EUR',
    stageId: 'prospecting',
    status: 'open',
    closeReason: '',
    closedAt: null,
    expectedClose: null,
    contactIds: [],
    bant: emptyBant(),
    checkedExitItems: [],
    notes: '',
    createdAt: 1,
    stageChangedAt: 1,
    ...change,
  };
}
