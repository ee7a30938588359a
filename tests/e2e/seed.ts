import type { Page } from 'playwright-core';
import { newDealRecord } from '../../storage/deal-record';
import type { Deal } from '../../storage/schemas';

export const DAY = 86_400_000;

/** A complete, valid deal record as the storage layer would write it, moved `daysAgo`. */
export function dealRecord(fields: { id: string; title: string; company?: string; value?: number; stageId?: string; daysAgo: number }): Deal {
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

/**
 * Writes records straight into the extension's IndexedDB from one of its pages, as if they
 * had been there for days: the clock cannot be moved inside a running browser.
 */
export async function seedRecords(page: Page, table: string, records: unknown[]): Promise<void> {
  await page.evaluate(
    async ({ table, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('threadline');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(table, 'readwrite');
        for (const record of records) tx.objectStore(table).put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { table, records },
  );
}
