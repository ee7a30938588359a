import { describe, expect, it } from 'vitest';
import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import { isDeleted, stampLocalEdit } from '../../../domain/sync-merge';
import { pushOutbox } from '../../../background/sync/push';
import { parseTeamDoc } from '../../../background/sync/team-doc';
import { setDealPrivate } from '../../../storage/deal-privacy';
import { createDeal } from '../../../storage/deals';
import { logObjection } from '../../../storage/objections';
import { applyTeamRecords } from '../../../storage/sync-apply';
import { outboxSize, startNoting } from '../../../storage/sync-queue';
import { sharedFields, syncedKind } from '../../../storage/sync-records';
import { recordTouch } from '../../../storage/touches';
import { testStore } from '../storage/test-store';
import { memoryDb } from './memory-pouch';

const HERE = 'this-browser';

async function mirrorDocs(mirror: PouchDatabase): Promise<PouchDoc[]> {
  const { results } = await mirror.changes({ since: 0, include_docs: true });
  return results.flatMap((change) => (change.doc ? [change.doc] : []));
}

/** The mirror's documents by id: standing (true) or withdrawn (false). */
async function standing(mirror: PouchDatabase): Promise<Record<string, boolean>> {
  const docs = await mirrorDocs(mirror);
  return Object.fromEntries(
    docs.map((doc) => {
      const parsed = parseTeamDoc(doc);
      return [doc._id, parsed.ok && !isDeleted(parsed.record)];
    }),
  );
}

/** A team member's browser with two deals: one shared, one the rep will keep private. */
async function pipelineInATeam() {
  // The outbox notes a write at the time it happens: the test's clock starts there too.
  const ctx = testStore(Date.now());
  await startNoting(ctx);
  const shared = await createDeal(ctx, {
    title: 'Initech rollout',
    newContacts: [{ name: 'Aino Virtanen', email: 'aino@initech.example' }],
  });
  const both = shared.contactIds[0]!;
  const secret = await createDeal(ctx, {
    title: 'Quiet acquisition talk',
    contactIds: [both],
    newContacts: [{ name: 'Pekka Lahti', email: 'pekka@target.example' }],
    links: [
      {
        kind: 'gmail-thread',
        account: 'rep@example.com',
        externalId: 'thread-f:1790000000000000042',
        url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
        label: 'Terms',
      },
    ],
  });
  const own = secret.contactIds.find((id) => id !== both)!;
  await recordTouch(ctx, {
    dealId: secret.id,
    channel: 'email',
    direction: 'outbound',
    at: ctx.now() - 1_000,
    sourceKey: 'gmail:msg-f:1790000000000000042',
  });
  await logObjection(ctx, { dealId: secret.id, kind: 'price', words: 'Too dear' });
  return { ctx, shared, secret, both, own };
}

describe('a deal the rep keeps private', () => {
  it('never reaches the team, nor its own contact, links, touches, history or objections', async () => {
    const { ctx, shared, secret, both, own } = await pipelineInATeam();
    await setDealPrivate(ctx, secret.id, true);
    const mirror = memoryDb();
    await pushOutbox(ctx, mirror, HERE);

    const docs = await mirrorDocs(mirror);
    const ids = docs.map((doc) => doc._id).filter((id) => !id.startsWith('settings:'));
    const records = ids.filter((id) => !id.startsWith('stage:'));
    expect(records.sort()).toEqual([`contact:${both}`, `deal:${shared.id}`].sort());
    expect(ids.filter((id) => id.startsWith('stage:'))).toEqual([
      expect.stringMatching(new RegExp(`^stage:${shared.id}:`)),
    ]);
    expect(ids).not.toContain(`contact:${own}`);
    const text = JSON.stringify(docs);
    for (const secretText of ['Quiet acquisition talk', 'Pekka', 'Too dear', secret.id])
      expect(text).not.toContain(secretText);
    // Nothing of it waits to go either.
    expect(await outboxSize(ctx)).toBe(0);
  });

  it('is withdrawn from the team once marked, stays whole here, and goes out in full when shared again', async () => {
    const { ctx, secret, both, own } = await pipelineInATeam();
    const mirror = memoryDb();
    await pushOutbox(ctx, mirror, HERE);
    const before = await standing(mirror);
    // Only the deal to be kept private has a link and an objection.
    const link = Object.keys(before).find((id) => id.startsWith('link:'))!;
    const objection = Object.keys(before).find((id) => id.startsWith('objection:'))!;
    for (const id of [`deal:${secret.id}`, `contact:${own}`, link, objection])
      expect(before[id], id).toBe(true);

    ctx.tick(60_000);
    await setDealPrivate(ctx, secret.id, true);
    // A reply recorded on it while private.
    await recordTouch(ctx, {
      dealId: secret.id,
      channel: 'email',
      direction: 'inbound',
      at: ctx.now(),
      sourceKey: 'gmail:msg-f:1790000000000000043',
    });
    await pushOutbox(ctx, mirror, HERE);
    const withdrawn = await standing(mirror);
    for (const id of [`deal:${secret.id}`, `contact:${own}`, link, objection])
      expect(withdrawn[id], id).toBe(false);
    // The contact another deal shares stays the team's.
    expect(withdrawn[`contact:${both}`]).toBe(true);
    expect(Object.keys(withdrawn)).not.toContain('touch:gmail:msg-f:1790000000000000043');
    // Here it is all still there.
    expect(await ctx.db.deals.get(secret.id)).toMatchObject({ private: true, touchCount: 2 });
    expect(await ctx.db.contacts.get(own)).toBeDefined();
    expect(await ctx.db.objections.filter((o) => o.dealId === secret.id).count()).toBe(1);
    expect(await ctx.db.links.where('dealId').equals(secret.id).count()).toBe(1);

    const firstTouch = 'touch:gmail:msg-f:1790000000000000042';
    const sentBefore = await mirror.get(firstTouch);
    ctx.tick(60_000);
    await setDealPrivate(ctx, secret.id, false);
    await pushOutbox(ctx, mirror, HERE);
    const back = await standing(mirror);
    for (const id of [`deal:${secret.id}`, `contact:${own}`, link, objection])
      expect(back[id], id).toBe(true);
    expect(back['touch:gmail:msg-f:1790000000000000043']).toBe(true);
    // The touch the team had before is written again, unchanged, for teammates who removed it.
    const sentAgain = await mirror.get(firstTouch);
    expect(sentAgain._rev).not.toBe(sentBefore._rev);
    const values = (doc: PouchDoc) =>
      Object.fromEntries(Object.entries(doc.fields as object).map(([k, f]) => [k, f.v]));
    expect(values(sentAgain)).toEqual(values(sentBefore));
  });

  it('shared again, queues the deal and everything hanging on it for the next push', async () => {
    const { ctx, secret, both, own } = await pipelineInATeam();
    await setDealPrivate(ctx, secret.id, true);
    await pushOutbox(ctx, memoryDb(), HERE);
    expect(await outboxSize(ctx)).toBe(0);

    await setDealPrivate(ctx, secret.id, false);
    const queued = await ctx.db.syncOutbox.where('seq').above(0).toArray();
    const tables = (table: string) =>
      queued.filter((note) => note.table === table).map((note) => note.key);
    expect(tables('deals')).toContain(secret.id);
    expect(tables('contacts').sort()).toEqual([both, own].sort());
    expect(tables('links')).toHaveLength(1);
    expect(tables('touches')).toHaveLength(1);
    expect(tables('stageHistory')).toHaveLength(1);
    expect(tables('objections')).toHaveLength(1);
  });

  it('is never marked from the team: a document naming the mark leaves the deal shared', async () => {
    const { ctx, shared } = await pipelineInATeam();
    const entry = syncedKind('deal')!;
    const current = await ctx.db.deals.get(shared.id);
    const record = stampLocalEdit(
      'deal',
      null,
      { ...sharedFields(entry, current!), title: 'Renamed', private: true },
      { at: ctx.now() + 1, by: 'teammate' },
    )!;
    await applyTeamRecords(ctx, [
      { id: `deal:${shared.id}`, kind: 'deal', key: shared.id, record },
    ]);
    const after = await ctx.db.deals.get(shared.id);
    expect(after).toMatchObject({ title: 'Renamed' });
    expect(after?.private).toBeUndefined();
  });

  it('takes nothing from the team: a teammate’s edit or deletion leaves it as it is here', async () => {
    const { ctx, secret } = await pipelineInATeam();
    await setDealPrivate(ctx, secret.id, true);
    const mine = await ctx.db.deals.get(secret.id);
    const entry = syncedKind('deal')!;
    const edited = stampLocalEdit(
      'deal',
      null,
      { ...sharedFields(entry, mine!), title: 'Renamed by a teammate' },
      { at: ctx.now() + 1, by: 'teammate' },
    )!;
    const deleted = { ...edited, deleted: { at: ctx.now() + 2, by: 'teammate' } };
    const drained = await ctx.db.syncOutbox.where('seq').above(0).primaryKeys();
    await ctx.db.syncOutbox.bulkDelete(drained);

    const id = `deal:${secret.id}`;
    await applyTeamRecords(ctx, [{ id, kind: 'deal', key: secret.id, record: edited }]);
    expect(await ctx.db.deals.get(secret.id)).toMatchObject({ title: 'Quiet acquisition talk' });
    // The team has it again: the next push withdraws it once more.
    expect(await ctx.db.syncOutbox.where('[table+key]').equals(['deals', secret.id]).count()).toBe(
      1,
    );

    const result = await applyTeamRecords(ctx, [
      { id, kind: 'deal', key: secret.id, record: deleted },
    ]);
    expect(result.notices).toEqual([]);
    expect(await ctx.db.deals.get(secret.id)).toMatchObject({ private: true, touchCount: 1 });
  });
});
