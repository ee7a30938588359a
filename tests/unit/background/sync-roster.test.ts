import { describe, expect, it } from 'vitest';
import type { PouchDatabase } from 'pouchdb-core';
import { applyMirrorChanges } from '../../../background/sync/pull';
import { toDoc } from '../../../background/sync/team-doc';
import { fromTeammate, teamDealValues } from '../storage/team-records';
import { testStore } from '../storage/test-store';
import { memoryDb } from './memory-pouch';

// A pulled deal's owner is checked against the team's roster, which the admin kit writes
// (scripts/team-admin.mjs): a deal a non-member owns is set aside and named, never applied.

/** The roster as the admin kit writes it. */
function rosterDoc(members: string[], former: string[] = []) {
  const stamp = { at: 1, by: 'team-admin' };
  return {
    _id: 'roster:team',
    kind: 'roster',
    fields: { members: { v: members, ...stamp }, former: { v: former, ...stamp } },
    deleted: null,
  };
}

/** A deal as the team's server hands it over, owned by `owner`. */
function dealDoc(key: string, title: string, owner: string) {
  const { kind, record } = fromTeammate('deal', key, { ...teamDealValues(title), owner });
  return toDoc(kind, key, record);
}

async function pull(mirror: PouchDatabase) {
  const ctx = testStore();
  const outcome = await applyMirrorChanges(ctx, mirror, 0, 'this-browser');
  const titles = (await ctx.db.deals.toArray()).map((deal) => deal.title).sort();
  return { outcome, titles };
}

describe('a pulled deal’s owner, checked against the team’s roster', () => {
  it('sets aside a deal a non-member owns, naming it and its owner, and applies the rest', async () => {
    const mirror = memoryDb();
    await mirror.bulkDocs([
      rosterDoc(['ayse', 'mikko']),
      dealDoc('d1', 'Acme rollout', 'ayse'),
      dealDoc('d2', 'Planted deal', 'mallory'),
    ]);
    const { outcome, titles } = await pull(mirror);
    expect(titles).toEqual(['Acme rollout']);
    expect(outcome.setAside).toEqual([
      {
        id: 'deal:d2',
        reason: "its owner mallory is not on the team's roster",
        notMember: 'mallory',
      },
    ]);
  });

  it('keeps the deals of a member who left: a former member stays on the roster', async () => {
    const mirror = memoryDb();
    await mirror.bulkDocs([
      rosterDoc(['ayse', 'mikko', 'olli'], ['olli']),
      dealDoc('d1', 'Olli’s old deal', 'olli'),
    ]);
    const { outcome, titles } = await pull(mirror);
    expect(titles).toEqual(['Olli’s old deal']);
    expect(outcome.setAside).toEqual([]);
  });

  it('checks deals against a roster that comes in the same pull, after them', async () => {
    const mirror = memoryDb();
    // The deals are earlier in the changes than the roster that names (or does not name)
    // their owners, and in another batch: the roster still decides.
    const deals = Array.from({ length: 1_001 }, (_, i) => dealDoc(`n${i}`, `Newbie ${i}`, 'aino'));
    await mirror.bulkDocs([...deals, dealDoc('d2', 'Planted deal', 'mallory')]);
    await mirror.bulkDocs([rosterDoc(['ayse', 'aino'])]);
    const { outcome, titles } = await pull(mirror);
    expect(titles).toHaveLength(1_001);
    expect(titles).not.toContain('Planted deal');
    expect(outcome.setAside.map((aside) => aside.id)).toEqual(['deal:d2']);
  });

  it('asks the server for its roster when a deal names an owner the mirror’s does not list', async () => {
    const [mirror, server] = [memoryDb(), memoryDb()];
    // The download that brings the newer roster is still running: the server has it already.
    await mirror.bulkDocs([rosterDoc(['ayse']), dealDoc('d1', 'Aino’s first deal', 'aino')]);
    await server.bulkDocs([rosterDoc(['ayse', 'aino'])]);
    const ctx = testStore();
    await applyMirrorChanges(ctx, mirror, 0, 'this-browser', { server });
    expect((await ctx.db.deals.toArray()).map((deal) => deal.title)).toEqual(['Aino’s first deal']);
  });

  it('checks only the owner’s form when the team has no roster (a server set up before it)', async () => {
    const mirror = memoryDb();
    await mirror.bulkDocs([
      dealDoc('d1', 'Acme rollout', 'ayse'),
      dealDoc('d2', 'Anyone’s deal', 'mallory'),
      dealDoc('d3', 'Broken owner', 'bad\u0007name'),
    ]);
    const { outcome, titles } = await pull(mirror);
    expect(titles).toEqual(['Acme rollout', 'Anyone’s deal']);
    expect(outcome.setAside).toEqual([{ id: 'deal:d3', reason: expect.any(String) }]);
    expect(outcome.setAside[0]!.reason).toContain('Not a team member name');
  });

  it('takes a roster that is not the admin kit’s shape as no roster, and never applies it', async () => {
    const mirror = memoryDb();
    await mirror.bulkDocs([
      { ...rosterDoc(['ayse']), fields: { members: { v: 'everyone', at: 1, by: 'x' } } },
      dealDoc('d1', 'Acme rollout', 'mikko'),
    ]);
    const { outcome, titles } = await pull(mirror);
    expect(titles).toEqual(['Acme rollout']);
    expect(outcome.setAside).toEqual([]);
  });
});
