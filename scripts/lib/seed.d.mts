import type { Worker } from 'playwright-core';

/** A page that runs a function with one argument: Playwright's and Puppeteer's (Firefox) both. */
interface Seed {
  table: string;
  records: unknown[];
}
interface ScriptablePage {
  evaluate(fn: (arg: Seed) => Promise<void>, arg: Seed): Promise<unknown>;
}

export function seedRecords(page: ScriptablePage, table: string, records: unknown[]): Promise<void>;
export function runDueCheck(worker: Worker): Promise<void>;
