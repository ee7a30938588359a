/**
 * Writes records straight into the extension's IndexedDB from one of its pages, as if they
 * had been there for days: the clock cannot be moved inside a running browser. Used by the
 * demo and the browser tests.
 */
export async function seedRecords(page, table, records) {
  await page.evaluate(
    async ({ table, records }) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('threadline');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise((resolve, reject) => {
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

/** Wakes the worker's due check now, the way its schedule does. */
export async function runDueCheck(worker) {
  await worker.evaluate(() =>
    chrome.alarms.create('threadline-due', { when: Date.now() + 50, periodInMinutes: 15 }),
  );
}
