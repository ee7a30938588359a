import type { RequestType } from '../messaging/requests';

// Dexie keeps a transaction across native awaits by echoing its zone, on a budget shared by
// every async chain in the worker. A burst of hundreds of writes at once (the sends a panel
// retries after the worker was stopped) ran it out: a deal's read-modify-write then ran
// outside its transaction, and the deal lost counts while its touches were all stored
// (tests/e2e/data-safety.test.ts). So the worker runs requests that write one at a time, in
// the order they came. IndexedDB runs writes to the same tables one at a time anyway; reads
// are not held.

/**
 * The requests answered at once: those that only read, and the team's, which wait on the
 * network. Every other request is held for the writes before it, so a new request that
 * writes is held without being listed.
 */
export const ANSWERED_AT_ONCE: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping',
  'deal.get',
  'deal.forKey',
  'deal.search',
  'due.list',
  'deal.suggest',
  'dashboard.open',
  'deal.open',
  'contact.same',
  'person.deals',
  'links.chips',
  'objection.answers',
  'display.prefs',
  'catalog.get',
  'team.join',
  'team.leave',
  'team.status',
  'team.sync',
  'team.signIn',
]);

/** Runs each write given to it after the one before has ended, failed or not. */
export function writeQueue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(write: () => Promise<T>): Promise<T> => {
    const run = last.then(write, write);
    last = run.catch(() => undefined);
    return run;
  };
}
