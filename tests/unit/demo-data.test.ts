import { describe, expect, it } from 'vitest';
import { cadenceOf, DEFAULT_CADENCE } from '../../domain/cadence';
import { averageSalesCycleDays, winRate } from '../../domain/metrics';
import { contactSchema, dealSchema, linkSchema, stageChangeSchema } from '../../storage/schemas';
import { demoRecords } from '../../demo/demo-data.mjs';

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
