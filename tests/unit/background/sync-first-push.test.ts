import { describe, expect, it } from 'vitest';
import type { PouchDatabase } from 'pouchdb-core';
import { followArrivals } from '../../../background/sync/arrivals';
import { EMPTY_STATE } from '../../../background/sync/state';
import { pushAhead } from '../../../background/sync/upload-ahead';
import { toDoc } from '../../../background/sync/team-doc';
import { createDeal } from '../../../storage/deals';
import { recordTouch } from '../../../storage/touches';
import {
  hasLocalChanges,
  noteEverything,
  outboxSize,
  recordsWaiting,
} from '../../../storage/sync-queue';
import { SYNCED_TABLES } from '../../../storage/sync-outbox';
import { fromTeammate, teamDealValues } from '../storage/team-records';
import { testStore } from '../storage/test-store';
import { memoryDb, Pouch } from './memory-pouch';

// The first push after joining a team: one note per table instead of one per record, the
// documents written to the mirror and sent on to the server at once, and the replications
// told where to start when the server took them all.

const TEAM = {
  server: 'http://127.0.0.1:5984',
  database: 'team',
  name: 'ayse',
  replicaId: 'this-browser',
  mirror: 'mirror',
};

/** A rep's pipeline: `deals` deals with three touches each. */
async function pipeline(deals: number) {
  const ctx = testStore();
  for (let i = 0; i < deals; i++) {
    const deal = await createDeal(ctx, { title: `Deal ${i}` });
    for (let t = 0; t < 3; t++)
      await recordTouch(ctx, {
        dealId: deal.id,
        channel: 'email',
        direction: 'outbound',
        at: ctx.now() - t * 1_000,
        sourceKey: `gmail:msg-f:${i}-${t}`,
      });
  }
  return ctx;
}

/** Every record the team shares, across its tables. */
async function sharedRecords(ctx: ReturnType<typeof testStore>): Promise<number> {
  const counts = await Promise.all([...SYNCED_TABLES].map((table) => ctx.db.table(table).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

const push = (
  ctx: ReturnType<typeof testStore>,
  mirror: PouchDatabase,
  server: PouchDatabase,
  /** The mirror's sequence the last round sent everything up to. */
  pushedSeq: number | string = EMPTY_STATE.pushedSeq,
) =>
  pushAhead(
    ctx,
    mirror,
    server,
    { ...EMPTY_STATE, pushedSeq, team: TEAM },
    {
      onNoted: () => undefined,
      onTaken: () => undefined,
    },
  );

describe('the first push after joining a team', () => {
  it('notes each table once, yet counts every record waiting, and holds them back from a pull', async () => {
    const ctx = await pipeline(3);
    const records = await sharedRecords(ctx);
    expect(records).toBeGreaterThan(12);
    expect(await noteEverything(ctx, false)).toBe(records);
    expect(await outboxSize(ctx)).toBe(7);
    expect(await recordsWaiting(ctx)).toBe(records);
    const deal = (await ctx.db.deals.toArray())[0]!;
    // Not sent yet: a teammate's version must not overwrite it.
    expect(await hasLocalChanges(ctx, 'deals', deal.id)).toBe(true);
  });

  it('puts every record on the server, and lets both replications start after them', async () => {
    const ctx = await pipeline(30);
    const [mirror, server] = [memoryDb(), memoryDb()];
    await noteEverything(ctx, false);
    const starts = await push(ctx, mirror, server);
    const sent = await sharedRecords(ctx);
    expect((await server.info()).doc_count).toBe(sent);
    expect((await mirror.info()).doc_count).toBe(sent);
    // The server holds the mirror's very revisions: nothing left to send or fetch.
    const { rows } = await mirror.allDocs({
      keys: [`deal:${(await ctx.db.deals.toArray())[0]!.id}`],
      include_docs: true,
    });
    const onServer = await server.get(rows[0]!.doc!._id);
    expect(onServer._rev).toBe(rows[0]!.doc!._rev);
    expect(starts).toEqual({
      written: sent,
      up: (await mirror.info()).update_seq,
      down: (await server.info()).update_seq,
    });
    expect(await recordsWaiting(ctx)).toBe(0);
    expect(await outboxSize(ctx)).toBe(0);
  });

  it('fetches from the server as ever when a teammate wrote there meanwhile', async () => {
    const ctx = await pipeline(2);
    const [mirror, server] = [memoryDb(), memoryDb()];
    const { kind, key, record } = fromTeammate('deal', 'theirs', teamDealValues('Their deal'));
    await server.bulkDocs([toDoc(kind, key, record)]);
    await noteEverything(ctx, false);
    const starts = await push(ctx, mirror, server);
    // What the server had before is not in the mirror yet: the download must look.
    expect(starts.down).toBeUndefined();
    expect(starts.up).toBe((await mirror.info()).update_seq);
  });

  it('sends an edited record through the replication, not ahead of it', async () => {
    const ctx = await pipeline(1);
    const [mirror, server] = [memoryDb(), memoryDb()];
    await noteEverything(ctx, false);
    await push(ctx, mirror, server);
    const deal = (await ctx.db.deals.toArray())[0]!;
    await ctx.db.deals.update(deal.id, { title: 'Renamed' });
    const starts = await push(ctx, mirror, server);
    // The server still has the first version: the replication sends the second.
    expect(starts).toEqual({ written: 1 });
    expect((await server.get(`deal:${deal.id}`)).fields).toMatchObject({
      title: { v: `Deal 0` },
    });
  });
});

describe('the upload after a round that sent everything', () => {
  /** A pipeline pushed in full, as a round leaves it: the server has all the mirror has. */
  async function sentInFull(deals: number) {
    const ctx = await pipeline(deals);
    const [mirror, server] = [memoryDb(), memoryDb()];
    await noteEverything(ctx, false);
    await push(ctx, mirror, server);
    return { ctx, mirror, server, pushedSeq: (await mirror.info()).update_seq };
  }

  it('does not run when nothing was written: what a download brings came from the server', async () => {
    const { ctx, mirror, server } = await sentInFull(2);
    // A teammate's deal downloaded into the mirror by a round that ended there.
    const { kind, key, record } = fromTeammate('deal', 'theirs', teamDealValues('Their deal'));
    await server.bulkDocs([toDoc(kind, key, record)]);
    await Pouch.replicate(server, mirror);
    const pushedSeq = (await mirror.info()).update_seq;
    expect(await push(ctx, mirror, server, pushedSeq)).toEqual({ written: 0, up: null });
  });

  it('starts at the first document an edit wrote, and the edit reaches the server from there', async () => {
    const { ctx, mirror, server, pushedSeq } = await sentInFull(1);
    const deal = (await ctx.db.deals.toArray())[0]!;
    await ctx.db.deals.update(deal.id, { title: 'Renamed' });
    const starts = await push(ctx, mirror, server, pushedSeq);
    expect(starts).toEqual({ written: 1, up: pushedSeq });
    await Pouch.replicate(mirror, server, { since: starts.up! });
    expect((await server.get(`deal:${deal.id}`)).fields).toMatchObject({
      title: { v: 'Renamed' },
    });
  });

  it('starts from its checkpoint when the mirror holds documents the last round did not send', async () => {
    const { ctx, mirror, server, pushedSeq } = await sentInFull(1);
    await ctx.db.deals.update((await ctx.db.deals.toArray())[0]!.id, { title: 'Renamed' });
    // A round that wrote into the mirror and then failed: its documents may not be there.
    expect(await push(ctx, mirror, server, pushedSeq)).toMatchObject({ written: 1 });
    const starts = await push(ctx, mirror, server, pushedSeq);
    expect(starts).toEqual({ written: 0 });
  });
});

describe('a download applied while it runs', () => {
  it('says more may come until the download ends, then once more, then no', async () => {
    let finish!: () => void;
    const download = new Promise<void>((resolve) => (finish = resolve));
    const news = followArrivals();
    news.endWith(download);
    news.arrived();
    expect(await news.more()).toBe(true);
    let answered = false;
    const waiting = news.more().then((more) => ((answered = true), more));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    news.arrived();
    expect(await waiting).toBe(true);
    finish();
    // What arrived with the end is read once more; after that, nothing more comes.
    expect(await news.more()).toBe(true);
    expect(await news.more()).toBe(false);
  });
});
