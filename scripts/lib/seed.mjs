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
      // The deal facts the metrics read (storage/deal-facts.ts) follow deals and stage
      // changes, and the open deals' cards the board reads (storage/deal-cards.ts) and their
      // keys of last movement the due scan reads (storage/open-movement.ts) follow deals: the
      // app's writes keep them through Dexie, this raw write keeps them here.
      const facts =
        ['deals', 'stageHistory'].includes(table) && db.objectStoreNames.contains('dealFacts');
      const cards = table === 'deals' && db.objectStoreNames.contains('dealCards');
      const movement = cards && db.objectStoreNames.contains('openMovement');
      const stores = [
        table,
        ...(facts ? ['dealFacts'] : []),
        ...(cards ? ['dealCards'] : []),
        ...(movement ? ['openMovement'] : []),
      ];
      await new Promise((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const record of records) {
          const written = tx.objectStore(table).put(record);
          if (facts)
            written.onsuccess = () =>
              keepFacts(tx.objectStore('dealFacts'), record, written.result);
          if (cards)
            keepCard(
              tx.objectStore('dealCards'),
              movement ? tx.objectStore('openMovement') : null,
              record,
            );
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();

      function keepFacts(store, record, key) {
        const dealId = table === 'deals' ? record.id : record.dealId;
        const read = store.get(dealId);
        read.onsuccess = () => {
          const next = read.result ?? { id: dealId, deal: null, history: [] };
          if (table === 'deals') {
            const { id, status, value, stageId, createdAt, stageChangedAt, closedAt } = record;
            next.deal = { id, status, value, stageId, createdAt, stageChangedAt, closedAt };
          } else {
            const { from, to, at } = record;
            next.history = [...next.history.filter((c) => c.id !== key), { id: key, from, to, at }];
          }
          store.put(next);
        };
      }

      function keepCard(store, movement, deal) {
        const before = store.get(deal.id);
        before.onsuccess = () => {
          if (movement && before.result) movement.delete(movementKey(before.result));
          if (deal.status !== 'open') return store.delete(deal.id);
          const card = cardOf(deal);
          store.put(card);
          if (movement) movement.put({ key: movementKey(card) });
        };
      }

      function movementKey(card) {
        const at = String(Math.max(0, Math.floor(card.lastMovementAt))).padStart(16, '0');
        return `${at} ${card.id}`;
      }

      function cardOf(deal) {
        const card = {};
        for (const field of [
          'id',
          'title',
          'company',
          'value',
          'currency',
          'stageId',
          'status',
          'owner',
          'createdAt',
          'updatedAt',
          'stageChangedAt',
          'closedAt',
          'snoozedUntil',
          'answerDueAt',
          'lastTouchAt',
          'lastTouchDirection',
          'followUpCount',
          'lastMovementAt',
        ])
          card[field] = deal[field] ?? null;
        if (deal.private !== undefined) card.private = deal.private;
        return card;
      }
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
