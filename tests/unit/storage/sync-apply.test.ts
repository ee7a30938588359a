import { describe, expect, it } from 'vitest';
import { stampLocalEdit } from '../../../domain/sync-merge';
import { createDeal } from '../../../storage/deals';
import { applyTeamRecords, recomputeFigures } from '../../../storage/sync-apply';
import { outboxSize, startNoting } from '../../../storage/sync-queue';
import { recordTouch } from '../../../storage/touches';
import { fromTeammate, teamDealValues } from './team-records';
import { testStore } from './test-store';

const dealValues = (title: string) => teamDealValues(title);

const touchValues = (id: string, dealId: string) => ({
  id,
  dealId,
  channel: 'email',
  direction: 'inbound',
  at: 5_000,
  sourceKey: 'gmail:msg-f:7',
  note: '',
  createdAt: 5_000,
});

describe('applying what the team sent', () => {
  it('adds a teammate’s deal with its touch and works its figures out here', async () => {
    const ctx = testStore();
    await startNoting(ctx);
    const result = await applyTeamRecords(ctx, [
      fromTeammate('touch', 'gmail:msg-f:7', touchValues('t-remote', 'd1')),
      fromTeammate('deal', 'd1', dealValues('Initech rollout')),
    ]);
    expect(result).toMatchObject({ applied: 2, setAside: [], touchedDeals: ['d1'] });
    await recomputeFigures(ctx, result.touchedDeals);
    const deal = await ctx.db.deals.get('d1');
    expect(deal).toMatchObject({ title: 'Initech rollout', touchCount: 1, lastInboundAt: 5_000 });
    // Applied records are not sent back.
    expect(await outboxSize(ctx)).toBe(0);
  });

  it('keeps one touch when the same message was recorded here already', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Here' });
    await recordTouch(ctx, {
      dealId: deal.id,
      channel: 'email',
      direction: 'inbound',
      at: 5_000,
      sourceKey: 'gmail:msg-f:7',
    });
    const result = await applyTeamRecords(ctx, [
      fromTeammate('touch', 'gmail:msg-f:7', touchValues('t-remote', deal.id)),
    ]);
    expect(result.applied).toBe(0);
    expect(await ctx.db.touches.count()).toBe(1);
    expect((await ctx.db.deals.get(deal.id))!.touchCount).toBe(1);
  });

  it('sets aside a record that fails its schema or a unique index, and applies the rest', async () => {
    const ctx = testStore();
    await ctx.db.contacts.put({
      id: 'mine',
      name: 'Ada',
      email: null,
      company: '',
      headline: '',
      location: '',
      linkedinUrl: 'https://www.linkedin.com/in/ada/',
      linkedinMemberId: null,
      createdAt: 1,
    });
    const contact = {
      name: 'Ada L.',
      email: null,
      company: '',
      headline: '',
      location: '',
      linkedinUrl: 'https://www.linkedin.com/in/ada/',
      linkedinMemberId: null,
      createdAt: 2,
    };
    const result = await applyTeamRecords(ctx, [
      fromTeammate('contact', 'theirs', contact),
      fromTeammate('deal', 'bad', { ...dealValues(''), value: -1 }),
      fromTeammate('deal', 'good', dealValues('Fine')),
    ]);
    expect(result.setAside.map((s) => s.id).sort()).toEqual(['contact:theirs', 'deal:bad']);
    expect(await ctx.db.deals.get('good')).toBeDefined();
    expect((await ctx.db.contacts.get('mine'))!.name).toBe('Ada');
  });

  it('removes a deal a teammate deleted, with its touches, and says so', async () => {
    const ctx = testStore();
    await applyTeamRecords(ctx, [fromTeammate('deal', 'd1', dealValues('Umbrella'))]);
    const deleted = stampLocalEdit(
      'deal',
      fromTeammate('deal', 'd1', dealValues('Umbrella')).record,
      null,
      { at: 10, by: 'teammate' },
    )!;
    const result = await applyTeamRecords(ctx, [
      { id: 'deal:d1', kind: 'deal', key: 'd1', record: deleted },
    ]);
    expect(result.notices).toEqual([{ notice: 'deleted-by-teammate', title: 'Umbrella' }]);
    expect(await ctx.db.deals.get('d1')).toBeUndefined();
  });
});
