import { describe, expect, it } from 'vitest';
import { cadenceOf, DEFAULT_CADENCE } from '../../domain/cadence';
import { averageSalesCycleDays, winRate } from '../../domain/metrics';
import { contactSchema, dealSchema, linkSchema, stageChangeSchema } from '../../storage/schemas';
import { demoRecords, DEMO_ROUTES } from '../../demo/demo-data.mjs';
import { demoRouterScript } from '../../scripts/lib/demo-router.mjs';

describe('the demo pipeline', () => {
  const now = Date.UTC(2026, 10, 23, 9);
  const records = demoRecords(now);

  it('is made of records the database would accept', () => {
    for (const deal of records.deals) expect(dealSchema.safeParse(deal).error).toBeUndefined();
    for (const contact of records.contacts)
      expect(contactSchema.safeParse(contact).error).toBeUndefined();
    for (const link of records.links) expect(linkSchema.safeParse(link).error).toBeUndefined();
    for (const change of records.stageHistory)
      expect(stageChangeSchema.safeParse(change).error).toBeUndefined();
  });

  it('shows one deal overdue, one due and one on track, and a few closed', () => {
    const states = records.deals.map((deal) => cadenceOf(deal, DEFAULT_CADENCE, now).state).sort();
    expect(states).toEqual(['closed', 'closed', 'closed', 'closed', 'due', 'on-track', 'overdue']);
  });

  it('gives pipeline health numbers to show', () => {
    const rate = winRate(records.deals);
    expect(rate).toBeCloseTo(2 / 3);
    expect(averageSalesCycleDays(records.deals)).toBeGreaterThan(0);
  });
});

describe('the demo Gmail', () => {
  it('gets a router with its routes filled in, which shows the thread its address names', async () => {
    const script = demoRouterScript();
    const listeners = new Map<string, () => void>();
    const fetched: string[] = [];
    // Runs the script as the page would, with the few browser names it uses.
    const run = new Function('location', 'addEventListener', 'fetch', 'document', script);
    run(
      { hash: `#${Object.keys(DEMO_ROUTES)[1]}` },
      (type: string, listener: () => void) => listeners.set(type, listener),
      (url: string) => {
        fetched.push(url);
        return new Promise(() => {});
      },
      {},
    );
    listeners.get('DOMContentLoaded')?.();
    expect(fetched).toEqual([`/__demo/gmail/${Object.values(DEMO_ROUTES)[1]}`]);
  });
});
