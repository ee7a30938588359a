import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDeal, deleteDeal, updateDeal } from '../../../storage/deals';
import { recordTouch } from '../../../storage/touches';
import { markPullTransaction } from '../../../storage/sync-outbox';
import { readOutbox, startNoting } from '../../../storage/sync-queue';
import { testStore } from './test-store';

const notes = async (ctx: ReturnType<typeof testStore>) =>
  (await readOutbox(ctx, 1_000)).map(({ table, key }) => `${table}:${key}`);

/** A store in a browser that joined a team. */
async function teamStore() {
  const ctx = testStore();
  await startNoting(ctx);
  return ctx;
}

describe('the team outbox', () => {
  it('notes nothing in a browser that is in no team', async () => {
    const ctx = testStore();
    await createDeal(ctx, { title: 'Alone' });
    expect(await ctx.db.syncOutbox.count()).toBe(0);
  });

  it('notes every record a write touches, in the same transaction', async () => {
    const ctx = await teamStore();
    const deal = await createDeal(ctx, { title: 'Acme', newContacts: [{ name: 'Ada' }] });
    const written = await notes(ctx);
    expect(written).toContain(`deals:${deal.id}`);
    expect(written).toContain(`contacts:${deal.contactIds[0]}`);
    expect(written.some((n) => n.startsWith('stageHistory:'))).toBe(true);
    expect(written).toContain('settings:main');
  });

  it('notes each touch and the deal when a whole deal is deleted, range deletes included', async () => {
    const ctx = await teamStore();
    const deal = await createDeal(ctx, { title: 'Doomed' });
    const { touch } = await recordTouch(ctx, {
      dealId: deal.id,
      channel: 'email',
      direction: 'outbound',
      at: ctx.now(),
      sourceKey: 'gmail:msg-f:1',
    });
    await ctx.db.syncOutbox.where('seq').above(0).delete();
    await deleteDeal(ctx, deal.id, true);
    expect(await notes(ctx)).toEqual(
      expect.arrayContaining([`touches:${touch.id}`, `deals:${deal.id}`]),
    );
  });

  it('leaves no note when a failed write rolls back', async () => {
    const ctx = await teamStore();
    await createDeal(ctx, { title: 'Kept' });
    await ctx.db.syncOutbox.where('seq').above(0).delete();
    await expect(updateDeal(ctx, { id: 'no-such-deal', patch: { title: 'x' } })).rejects.toThrow();
    expect(await notes(ctx)).toEqual([]);
  });

  it('does not send back what came from the team', async () => {
    const ctx = await teamStore();
    const deal = await createDeal(ctx, { title: 'Pulled' });
    await ctx.db.syncOutbox.where('seq').above(0).delete();
    await ctx.db.transaction('rw', ctx.db.deals, async () => {
      markPullTransaction(Dexie.currentTransaction!.idbtrans);
      await ctx.db.deals.update(deal.id, { title: 'Renamed by a teammate' });
    });
    expect(await notes(ctx)).toEqual([]);
  });
});
