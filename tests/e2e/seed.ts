import { newDealRecord } from '../../storage/deal-record';
import type { Deal } from '../../storage/schemas';

export const DAY = 86_400_000;

/** A complete, valid deal record as the storage layer would write it, moved `daysAgo`. */
export function dealRecord(fields: {
  id: string;
  title: string;
  company?: string;
  value?: number;
  stageId?: string;
  daysAgo: number;
}): Deal {
  const at = Date.now() - fields.daysAgo * DAY;
  return newDealRecord({
    id: fields.id,
    title: fields.title,
    company: fields.company ?? '',
    value: fields.value ?? 0,
    currency: 'EUR',
    stageId: fields.stageId ?? 'prospecting',
    expectedClose: null,
    notes: '',
    contactIds: [],
    now: at,
  });
}

export { seedRecords, runDueCheck } from '../../scripts/lib/seed.mjs';
