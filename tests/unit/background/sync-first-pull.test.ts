import { describe, expect, it, vi } from 'vitest';
import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import { applyDownloaded, downloadedDocs } from '../../../background/sync/pull-downloaded';
import { toDoc } from '../../../background/sync/team-doc';
import { fromTeammate, teamDealValues } from '../storage/team-records';
import { testStore } from '../storage/test-store';
import { memoryDb, Pouch } from './memory-pouch';

// A first pull into an empty browser applies what the replicator downloads as it comes,
// without reading each document back from the mirror; a document that may have several
// versions there (this round's push wrote it too, or it came down twice) is read back.

const doc = (kind: 'deal' | 'touch', key: string, values: object, at = 1) => {
  const pulled = fromTeammate(kind, key, values, at);
  return toDoc(pulled.kind, pulled.key, pulled.record);
};

const touchValues = (n: number, dealId: string) => ({
  id: `t-${n}`,
  dealId,
  channel: 'email',
  direction: n % 3 === 0 ? 'inbound' : 'outbound',
  at: 1_000 + n,
  sourceKey: `gmail:msg-f:${n}`,
  note: '',
  createdAt: 1_000 + n,
});

/** The team's server with two deals and their touches. */
async function teamServer(): Promise<PouchDatabase> {
  const server = memoryDb();
  const docs: PouchDoc[] = [
    doc('deal', 'd1', teamDealValues('Acme rollout')),
    doc('deal', 'd2', teamDealValues('Initech pilot')),
  ];
  for (let n = 0; n < 30; n++)
    docs.push(doc('touch', `gmail:msg-f:${n}`, touchValues(n, `d${(n % 2) + 1}`)));
  await server.bulkDocs(docs);
  return server;
}

/** Downloads the server into the mirror in small batches, applying them as they come. */
async function firstPull(server: PouchDatabase, mirror: PouchDatabase, pushedIds: string[] = []) {
  const ctx = testStore();
  const readBack = vi.spyOn(mirror, 'changes');
  const downloads = downloadedDocs();
  const replication = Pouch.replicate(server, mirror, { batch_size: 7 });
  replication.on('change', (info) => downloads.arrived((info as { docs: PouchDoc[] }).docs));
  downloads.endWith(replication);
  const outcome = await applyDownloaded(
    ctx,
    mirror,
    0,
    'this-browser',
    downloads,
    new Set(pushedIds),
  );
  await replication;
  return { ctx, outcome, readBack };
}

describe('a first pull applied from what is downloaded', () => {
  it('applies every document as it comes, reads none back, and ends at the mirror’s last change', async () => {
    const server = await teamServer();
    const mirror = memoryDb();
    const { ctx, outcome, readBack } = await firstPull(server, mirror);
    expect(readBack).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ applied: 32, waiting: false, setAside: [] });
    expect(outcome.seq).toBe((await mirror.info()).update_seq);
    expect((await ctx.db.deals.toArray()).map((deal) => deal.title).sort()).toEqual([
      'Acme rollout',
      'Initech pilot',
    ]);
    // The figures are worked out from the touches once all are in.
    expect(await ctx.db.deals.get('d1')).toMatchObject({ touchCount: 15, lastTouchAt: 1_028 });
    expect(await ctx.db.touches.count()).toBe(30);
  });

  it('reads back a document this round’s push wrote too, and applies the merge of both versions', async () => {
    const server = await teamServer();
    const mirror = memoryDb();
    // This browser's own version of d1, written by the push: a later title, an earlier value.
    await mirror.bulkDocs([
      doc('deal', 'd1', teamDealValues('Acme rollout, phase 2', { value: 5 }), 2),
    ]);
    const { ctx, outcome } = await firstPull(server, mirror, ['deal:d1']);
    expect(outcome.resolved).toBe(1);
    expect(await ctx.db.deals.get('d1')).toMatchObject({ title: 'Acme rollout, phase 2' });
    expect(await ctx.db.touches.count()).toBe(30);
  });
});
