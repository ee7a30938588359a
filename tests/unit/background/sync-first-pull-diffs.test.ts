import { describe, expect, it, vi } from 'vitest';
import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import { answerUnreadWhileEmpty } from '../../../background/sync/first-pull-diffs';
import { memoryDb, Pouch } from './memory-pouch';

// A first pull's mirror answers the replicator's question about documents it cannot hold yet
// without reading them (background/sync/first-pull-diffs.ts). What it ends up holding must be
// exactly what an ordinary replication leaves there, conflicts included.

const teamDoc = (id: string, title: string): PouchDoc => ({ _id: id, kind: 'deal', title });

async function server(): Promise<PouchDatabase> {
  const db = memoryDb();
  await db.bulkDocs(Array.from({ length: 40 }, (_, i) => teamDoc(`deal:${i}`, `Deal ${i}`)));
  return db;
}

/** A mirror this round's push already wrote one document into, in a version of its own. */
async function mirrorWithPush(): Promise<PouchDatabase> {
  const mirror = memoryDb();
  await mirror.bulkDocs([teamDoc('deal:7', 'Edited here')]);
  return mirror;
}

/** Every document of a database with its winning revision, content and conflicts. */
async function contents(db: PouchDatabase) {
  const all = db as unknown as {
    allDocs(o: object): Promise<{ rows: { doc: PouchDoc }[] }>;
  };
  const { rows } = await all.allDocs({ include_docs: true, conflicts: true });
  return rows.map((row) => row.doc);
}

describe('a first pull’s questions to its mirror', () => {
  it('reads only the documents the push wrote, and leaves the mirror as an ordinary pull does', async () => {
    const source = await server();
    const usual = await mirrorWithPush();
    await Pouch.replicate(source, usual, { batch_size: 9 });

    const mirror = await mirrorWithPush();
    const own = vi.spyOn(mirror as unknown as { revsDiff: (diff: object) => unknown }, 'revsDiff');
    const inMirror = new Set(['deal:7']);
    const giveBack = answerUnreadWhileEmpty(mirror, (id) => inMirror.has(id));
    const download = Pouch.replicate(source, mirror, { batch_size: 9 });
    download.on('change', (info) => {
      for (const doc of (info as { docs: PouchDoc[] }).docs) inMirror.add(doc._id);
    });
    await download;
    giveBack();

    const asked = own.mock.calls.flatMap(([diff]) => Object.keys(diff));
    expect(asked).toEqual(['deal:7']);
    expect(await contents(mirror)).toEqual(await contents(usual));
    expect((await contents(mirror)).find((doc) => doc._id === 'deal:7')?._conflicts).toHaveLength(
      1,
    );
    expect((mirror as unknown as { revsDiff: unknown }).revsDiff).toBe(own);
  });

  it('asks the mirror about a document the download already brought, when it comes again', async () => {
    const source = await server();
    const mirror = memoryDb();
    const own = vi.spyOn(mirror as unknown as { revsDiff: (diff: object) => unknown }, 'revsDiff');
    const inMirror = new Set<string>();
    const giveBack = answerUnreadWhileEmpty(mirror, (id) => inMirror.has(id));
    const first = Pouch.replicate(source, mirror, { batch_size: 50 });
    first.on('change', (info) => {
      for (const doc of (info as { docs: PouchDoc[] }).docs) inMirror.add(doc._id);
    });
    await first;
    // A teammate edits a deal, and the download brings it again.
    const edited = await source.get('deal:3');
    await source.bulkDocs([{ ...edited, title: 'Renamed' }]);
    await Pouch.replicate(source, mirror, { batch_size: 50 });
    giveBack();

    const asked = own.mock.calls.flatMap(([diff]) => Object.keys(diff));
    expect(asked).toEqual(['deal:3']);
    expect(await mirror.get('deal:3')).toMatchObject({ title: 'Renamed' });
  });
});
