import { describe, expect, it } from 'vitest';
import { exportDealsCsv, previewCsv } from '../../../storage/csv';
import { importDealsCsv } from '../../../storage/csv-import';
import { createDeal, updateDeal } from '../../../storage/deals';
import {
  knownOwners,
  refuseRepeatedCompany,
  setTeamMember,
  similarOpenDeals,
} from '../../../storage/owners';
import { scanDue } from '../../../storage/queries';
import { readSettings } from '../../../storage/settings';
import { applyTeamRecords } from '../../../storage/sync-apply';
import { readOutbox, startNoting } from '../../../storage/sync-queue';
import { fromTeammate, teamDealValues } from './team-records';
import { DAY, testStore } from './test-store';

/** A deal as a teammate's browser sends it. */
function teammatesDeal(key: string, title: string, owner: unknown, company = '') {
  return fromTeammate('deal', key, teamDealValues(title, { company, value: 0, owner }));
}

/** Ayşe's browser after she left her team: a deal of hers and one she handed to Mikko. */
async function leftTeam() {
  const ctx = testStore();
  await setTeamMember(ctx, 'ayse');
  const mine = await createDeal(ctx, { title: 'Mine' });
  const theirs = await createDeal(ctx, { title: 'Mikko’s' });
  await updateDeal(ctx, { id: theirs.id, patch: { owner: 'mikko' } });
  await setTeamMember(ctx, null);
  return { ctx, mine, theirs };
}

describe('deal owners', () => {
  it('gives no owner without a team; on joining, the rep’s deals become theirs and go to the team', async () => {
    const ctx = testStore();
    const before = await createDeal(ctx, { title: 'Made alone' });
    expect(before.owner).toBeNull();
    await startNoting(ctx);
    expect(await setTeamMember(ctx, 'ayse')).toBe(1);
    expect((await ctx.db.deals.get(before.id))?.owner).toBe('ayse');
    expect((await readSettings(ctx)).teamMember).toBe('ayse');
    // An ordinary write: noted for the team like any other.
    expect((await readOutbox(ctx, 10)).map((note) => note.key)).toContain(before.id);
    expect((await createDeal(ctx, { title: 'Made in the team' })).owner).toBe('ayse');
    // Leaving keeps the owners; new deals have none again.
    await setTeamMember(ctx, null);
    expect((await ctx.db.deals.get(before.id))?.owner).toBe('ayse');
    expect((await createDeal(ctx, { title: 'Alone again' })).owner).toBeNull();
  });

  it('leaves a teammate’s due deal out of the rep’s due scan, and keeps unowned ones in', async () => {
    const ctx = testStore();
    const mine = await createDeal(ctx, { title: 'Mine' });
    await setTeamMember(ctx, 'ayse');
    const unowned = await createDeal(ctx, { title: 'Nobody’s' });
    await ctx.db.deals.update(unowned.id, { owner: null });
    const theirs = await createDeal(ctx, { title: 'Mikko’s' });
    await updateDeal(ctx, { id: theirs.id, patch: { owner: 'mikko' } });
    // A name sorting before the rep's as well as one after it.
    const ainos = await createDeal(ctx, { title: 'Aino’s' });
    await updateDeal(ctx, { id: ainos.id, patch: { owner: 'aino' } });
    // Handing over is not movement: all four wait from the same day.
    ctx.tick(6 * DAY);
    const { due, overdue } = await scanDue(ctx);
    expect([...due, ...overdue].sort()).toEqual([mine.id, unowned.id].sort());
    expect(await knownOwners(ctx)).toEqual(['aino', 'ayse', 'mikko']);
  });

  it('after leaving the team, still counts the rep’s own deals and not a teammate’s', async () => {
    const { ctx, mine, theirs } = await leftTeam();
    const made = await createDeal(ctx, { title: 'Made after leaving' });
    ctx.tick(6 * DAY);
    const { due, overdue } = await scanDue(ctx);
    expect([...due, ...overdue].sort()).toEqual([mine.id, made.id].sort());
    // The teammate's deal stays here, with its owner, and so does the rep's.
    expect((await ctx.db.deals.get(theirs.id))?.owner).toBe('mikko');
    expect((await ctx.db.deals.get(mine.id))?.owner).toBe('ayse');
    expect(await readSettings(ctx)).toMatchObject({ teamMember: null, formerTeamMember: 'ayse' });
  });

  it('counts every deal for a rep who was never in a team', async () => {
    const ctx = testStore();
    const deals = [
      await createDeal(ctx, { title: 'One' }),
      await createDeal(ctx, { title: 'Two' }),
    ];
    // A deal with an owner, from a CSV made elsewhere: without a team, still the rep's to chase.
    await ctx.db.deals.update(deals[1]!.id, { owner: 'someone' });
    ctx.tick(6 * DAY);
    const { due, overdue } = await scanDue(ctx);
    expect([...due, ...overdue]).toHaveLength(2);
  });

  it('gives the rep’s deals from a team they left to the name they join the next one as', async () => {
    const { ctx, mine, theirs } = await leftTeam();
    expect(await setTeamMember(ctx, 'ayse.k')).toBe(1);
    expect((await ctx.db.deals.get(mine.id))?.owner).toBe('ayse.k');
    expect((await ctx.db.deals.get(theirs.id))?.owner).toBe('mikko');
    expect((await readSettings(ctx)).formerTeamMember).toBeNull();
  });

  it('takes a teammate’s owner with their deal and sets aside one whose owner is no name', async () => {
    const ctx = testStore();
    const result = await applyTeamRecords(ctx, [
      teammatesDeal('d1', 'Initech rollout', 'mikko'),
      teammatesDeal('d2', 'Long name', 'x'.repeat(201)),
      teammatesDeal('d3', 'Control', 'mik\u0000ko'),
      teammatesDeal('d4', 'Number', 42),
    ]);
    expect(result.applied).toBe(1);
    expect(result.setAside.map((s) => s.id)).toEqual(['deal:d2', 'deal:d3', 'deal:d4']);
    expect((await ctx.db.deals.get('d1'))?.owner).toBe('mikko');
  });

  it('names the open deals of the same company, by name or by a contact’s domain', async () => {
    const ctx = testStore();
    await setTeamMember(ctx, 'mikko');
    await applyTeamRecords(ctx, [teammatesDeal('d1', 'Initech rollout', 'ayse', 'Initech Oy')]);
    const byMail = await createDeal(ctx, {
      title: 'Globex pilot',
      newContacts: [{ name: 'Hank', email: 'hank@globex.com' }],
    });
    const closed = await createDeal(ctx, { title: 'Old Initech', company: 'Initech' });
    await ctx.db.deals.update(closed.id, { status: 'lost' });

    expect(await similarOpenDeals(ctx, { company: 'INITECH', emails: [] })).toEqual([
      { id: 'd1', title: 'Initech rollout', company: 'Initech Oy', owner: 'ayse' },
    ]);
    expect(
      (await similarOpenDeals(ctx, { company: '', emails: ['ops@eu.globex.com'] })).map(
        (d) => d.id,
      ),
    ).toEqual([byMail.id]);
    expect(await similarOpenDeals(ctx, { company: 'Initrode', emails: ['x@gmail.com'] })).toEqual(
      [],
    );
    await expect(
      refuseRepeatedCompany(ctx, { title: 'Again', company: 'initech' }),
    ).rejects.toMatchObject({
      code: 'confirm-required',
      message: 'ayse already has an open deal for this company: Initech rollout',
      details: { similar: [{ id: 'd1', owner: 'ayse' }] },
    });
    await expect(
      refuseRepeatedCompany(ctx, { title: 'New', company: 'Umbrella' }),
    ).resolves.toBeUndefined();
    // Without a team, nobody else could be chasing it.
    await setTeamMember(ctx, null);
    await expect(
      refuseRepeatedCompany(ctx, { title: 'Again', company: 'initech' }),
    ).resolves.toBeUndefined();
  });

  it('writes the owner column and reads it back; an empty owner is the importing rep', async () => {
    const ctx = testStore();
    await setTeamMember(ctx, 'ayse');
    await createDeal(ctx, { title: 'Initech rollout' });
    const csv = await exportDealsCsv(ctx);
    expect(csv.split('\r\n')[1]).toMatch(/,ayse$/);

    const target = testStore();
    await setTeamMember(target, 'mikko');
    const text = `${csv}\r\nGlobex pilot,Globex,,,0,EUR,,open,,`;
    expect(await importDealsCsv(target, text, previewCsv(text).mapping)).toBe(2);
    const owners = Object.fromEntries(
      (await target.db.deals.toArray()).map((deal) => [deal.title, deal.owner]),
    );
    expect(owners).toEqual({ 'Initech rollout': 'ayse', 'Globex pilot': 'mikko' });
  });
});
