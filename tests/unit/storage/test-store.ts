import { ThreadlineDB, storeContext, type StoreContext } from '../../../storage/db';

let counter = 0;

/** A fresh database with a clock the test moves by hand. */
export function testStore(start = Date.UTC(2026, 10, 2, 9, 0)): StoreContext & { clock: { now: number }; tick(ms: number): void } {
  const clock = { now: start };
  const db = new ThreadlineDB(`threadline-test-${++counter}-${Math.random().toString(36).slice(2)}`);
  return { ...storeContext(db, () => clock.now), clock, tick: (ms) => (clock.now += ms) };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
