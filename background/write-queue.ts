import type { RequestType } from '../messaging/requests';

// Dexie keeps a transaction across native awaits by echoing its zone, on a budget shared by
// every async chain in the worker. A burst of hundreds of writes at once (the sends a panel
// retries after the worker was stopped) ran it out: a deal's read-modify-write then ran
// outside its transaction, and the deal lost counts while its touches were all stored
// (tests/e2e/data-safety.test.ts). So the worker runs requests that write one at a time, in
// the order they came. IndexedDB runs writes to the same tables one at a time anyway; reads
// are not held.

/** The requests that write to the database. */
export const WRITE_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'deal.create',
  'deal.update',
  'deal.delete',
  'link.add',
  'link.remove',
  'touch.record',
  'stage.move',
  'bant.set',
  'exit.tick',
  'deal.snooze',
  'deal.setPrivate',
  'deal.close',
  'deal.reopen',
  'touches.sync',
  'touch.cancel',
  'person.learn',
  'prospect.add',
  'objection.log',
  'objection.answer',
  'objection.delete',
  'settings.update',
  'pipeline.save',
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
