import type { Page, Worker } from 'playwright-core';

export function seedRecords(page: Page, table: string, records: unknown[]): Promise<void>;
export function runDueCheck(worker: Worker): Promise<void>;
