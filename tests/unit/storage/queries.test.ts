import { describe, expect, it } from 'vitest';
import { cadenceOf } from '../../../domain/cadence';
import { closeDeal, createDeal, snoozeDeal } from '../../../storage/deals';
import { dueDeals, scanDue, searchDeals } from '../../../storage/queries';
import { updateSettings } from '../../../storage/settings';
import { recordTouch } from '../../../storage/touches';
import { DAY, HOUR, testStore } from './test-store';

describe('what is due', () => {
  it('finds due and overdue deals, leaving out fresh, snoozed and closed ones', async () => {
    const ctx = testStore(Date.UTC(2026, 10, 2, 9)); // Monday
    const make = async (title: string) => (await createDeal(ctx, { title })).id;
    const overdue = await make('Overdue');
    ctx.tick(2 * DAY);
    const due = await make('Due');
    const snoozed = await make('Snoozed');
    const closed = await make('Closed');
    ctx.tick(DAY);
    const fresh = await make('Fresh');
    ctx.tick(2 * DAY + HOUR); // Saturday 10:00: 5 days after the first, 3 after the next three
    await snoozeDeal(ctx, snoozed, ctx.now() + DAY);
    await closeDeal(ctx, { dealId: closed, status: 'lost' });
    // Snoozing and closing are writes, not movement of the cadence.
    expect(await scanDue(ctx)).toEqual({ overdue: [overdue], due: [due] });
    expect((await dueDeals(ctx)).map((d) => [d.deal.title, d.state])).toEqual([
      ['Overdue', 'overdue'],
      ['Due', 'due'],
    ]);
    ctx.tick(DAY); // Sunday: the snooze has ended, and the fresh deal has waited three days
    expect((await scanDue(ctx)).due.sort()).toEqual([due, snoozed, fresh].sort());
  });

  it('agrees with the cadence rule deal by deal, with business days too', async () => {
    const ctx = testStore(Date.UTC(2026, 10, 6, 9)); // Friday
    await updateSettings(ctx, {
      cadence: { dueAfterDays: 3, overdueAfterDays: 5, businessDays: true },
    });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const deal = await createDeal(ctx, { title: `Deal ${i}` });
      ids.push(deal.id);
      await recordTouch(ctx, {
        dealId: deal.id,
        channel: 'email',
        direction: 'outbound',
        at: ctx.now() + i * 5 * HOUR,
      });
    }
    ctx.tick(12 * DAY);
    const { due, overdue } = await scanDue(ctx);
    const settings = { dueAfterDays: 3, overdueAfterDays: 5, businessDays: true };
    for (const deal of await ctx.db.deals.toArray()) {
      const state = cadenceOf(deal, settings, ctx.now()).state;
      expect(
        overdue.includes(deal.id) ? 'overdue' : due.includes(deal.id) ? 'due' : 'on-track',
        deal.title,
      ).toBe(state);
    }
    expect(due.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('matches every word against titles, companies and contacts', async () => {
    const ctx = testStore();
    await createDeal(ctx, {
      title: 'Pilot',
      company: 'Acme Oy',
      newContacts: [{ name: 'Aino Virtanen', email: 'aino@acme.fi' }],
    });
    await createDeal(ctx, { title: 'Renewal', company: 'Globex' });
    expect((await searchDeals(ctx, 'aino', 10)).map((d) => d.title)).toEqual(['Pilot']);
    expect((await searchDeals(ctx, 'ACME pilot', 10)).map((d) => d.title)).toEqual(['Pilot']);
    expect(await searchDeals(ctx, 'globex pilot', 10)).toEqual([]);
    expect(await searchDeals(ctx, '', 1)).toHaveLength(1);
  });
});

describe('suggestions for a thread', () => {
  it('puts deals sharing an address first, then the same company domain, never free mail', async () => {
    const { suggestDeals } = await import('../../../storage/suggestions');
    const ctx = testStore();
    await createDeal(ctx, {
      title: 'Acme expansion',
      newContacts: [{ name: 'Jussi', email: 'jussi@acme.fi' }],
    });
    ctx.tick(HOUR);
    await createDeal(ctx, {
      title: 'Acme pilot',
      newContacts: [{ name: 'Aino', email: 'aino@acme.fi' }],
    });
    await createDeal(ctx, {
      title: 'Freemail friend',
      newContacts: [{ name: 'F', email: 'friend@gmail.com' }],
    });
    await createDeal(ctx, {
      title: 'Unrelated',
      newContacts: [{ name: 'U', email: 'u@globex.com' }],
    });
    const titles = async (emails: string[]) =>
      (await suggestDeals(ctx, emails)).map((d) => d.title);
    expect(await titles(['AINO@acme.fi'])).toEqual(['Acme pilot', 'Acme expansion']);
    expect(await titles(['jussi@acme.fi'])).toEqual(['Acme expansion', 'Acme pilot']);
    expect(await titles(['stranger@gmail.com'])).toEqual([]);
    expect(await titles(['friend@gmail.com'])).toEqual(['Freemail friend']);
  });
});
