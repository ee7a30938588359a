import { ThreadlineDB, storeContext, type StoreContext } from '../../../storage/db';

let counter = 0;

/** A fresh database with a clock the test moves by hand. */
export function testStore(
  start = Date.UTC(2026, 10, 2, 9, 0),
): StoreContext & { clock: { now: number }; tick(ms: number): void } {
  const clock = { now: start };
  const db = new ThreadlineDB(
    `threadline-test-${++counter}-${Math.random().toString(36).slice(2)}`,
  );
  return { ...storeContext(db, () => clock.now), clock, tick: (ms) => (clock.now += ms) };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * A fresh database on a disk that fills up: after `disk.room` more writes, every write fails
 * with the QuotaExceededError a browser raises when the profile's storage is full.
 */
export function fullingStore(
  start?: number,
): ReturnType<typeof testStore> & { disk: { room: number } } {
  const ctx = testStore(start);
  const disk = { room: Infinity };
  ctx.db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            if (disk.room <= 0)
              return Promise.reject(
                new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
              );
            disk.room--;
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return { ...ctx, disk };
}
