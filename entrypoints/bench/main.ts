import { cadenceOf } from '../../domain/cadence';
import { pipelineMetrics } from '../../domain/metrics';
import { checkBackup, exportBackup } from '../../storage/backup';
import { importBackup } from '../../storage/restore';
import { ThreadlineDB, storeContext } from '../../storage/db';
import { newDealRecord } from '../../storage/deal-record';
import { findLink, linkKey } from '../../storage/links';
import {
  forgetCachedReads,
  metricsFacts,
  openDealCards,
  openDeals,
  scanDue,
} from '../../storage/queries';
import { getSettings, readSettings } from '../../storage/settings';
import { recordTouch } from '../../storage/touches';
import type { Link, Touch } from '../../storage/schemas';

// Seeds a large pipeline into the real IndexedDB of this extension origin and times the
// operations the product runs most. The bench runs in a browser profile of its own, so it
// seeds the extension's own database, and the dashboard can then be timed on it too.
// Driven by scripts/bench.mjs.

const ctx = storeContext(new ThreadlineDB());
/** The open deals' whole records, as the board read them before its cards (deal-cards.ts). */
const wholeOpenDeals = () => openDeals(ctx);
const DAY = 86_400_000;
const ACCOUNT = 'rep@example.com';

/** A small deterministic random source, so every run seeds the same pipeline. */
function random(seed: number) {
  return () => (seed = (seed * 48271) % 2147483647) / 2147483647;
}

async function seed(
  dealCount: number,
  touchCount: number,
): Promise<{ keys: string[]; dealIds: string[] }> {
  await ctx.db.delete();
  await ctx.db.open();
  const settings = await getSettings(ctx);
  const rand = random(42);
  const now = Date.now();
  const deals = [];
  const links: Link[] = [];
  // A rep's database after two years: most deals closed, the open ones (a third) moved at
  // some point in the last three weeks, so most of them are due. scanWorstCase() below
  // measures the case where every deal is open and stale.
  for (let i = 0; i < dealCount; i++) {
    const created = now - Math.floor(rand() * 720) * DAY;
    const deal = newDealRecord({
      id: `deal-${i}`,
      title: `Deal ${i}`,
      company: `Company ${i % 1500}`,
      value: Math.round(rand() * 50_000),
      currency: 'EUR',
      stageId: settings.stages[i % settings.stages.length]!.id,
      expectedClose: null,
      notes: '',
      contactIds: [],
      now: created,
    });
    const open = rand() < 1 / 3;
    const lastTouch = open
      ? now - Math.floor(rand() * 21 * DAY)
      : created + Math.floor(rand() * (now - created));
    const status = open ? 'open' : rand() < 0.4 ? 'won' : rand() < 0.8 ? 'lost' : 'disqualified';
    deals.push({
      ...deal,
      status,
      lastTouchAt: lastTouch,
      lastMovementAt: Math.max(lastTouch, created),
      touchCount: touchCount / dealCount,
    });
    const externalId = `thread-f:179000000${String(i).padStart(10, '0')}`;
    links.push({
      key: linkKey({ kind: 'gmail-thread', account: ACCOUNT, externalId }),
      kind: 'gmail-thread',
      dealId: deal.id,
      account: ACCOUNT,
      externalId,
      url: null,
      label: `Thread ${i}`,
      createdAt: created,
    });
  }
  await ctx.db.deals.bulkAdd(deals as never);
  await ctx.db.links.bulkAdd(links);
  await ctx.db.stageHistory.bulkAdd(
    deals.map((d) => ({ dealId: d.id, from: null, to: d.stageId, at: d.createdAt })),
  );
  const batch: Touch[] = [];
  for (let i = 0; i < touchCount; i++) {
    const dealId = `deal-${i % dealCount}`;
    batch.push({
      id: `touch-${i}`,
      dealId,
      channel: 'email',
      direction: rand() < 0.4 ? 'inbound' : 'outbound',
      at: now - Math.floor(rand() * 120 * DAY),
      sourceKey: `gmail:msg-f:${i}`,
      note: '',
      createdAt: now,
    });
    if (batch.length === 10_000) await ctx.db.touches.bulkAdd(batch.splice(0));
  }
  await ctx.db.touches.bulkAdd(batch);
  return { keys: links.map((l) => l.key), dealIds: deals.map((d) => d.id) };
}

async function time(
  runs: number,
  operation: (i: number) => Promise<unknown>,
  warmUps = 3,
): Promise<number[]> {
  // A few untimed runs first, so caches and the JIT are as warm as in daily use.
  for (let i = 0; i < warmUps; i++) await operation(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await operation(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const RESTORE_FLOOR =
  'the same records written straight into an empty database (IndexedDB alone, no checks: the floor)';

/**
 * The least a restore into an empty database can take here: the backup's records added to a
 * new database of the same schema in one IndexedDB transaction, nothing checked or worked
 * out. Returns the time from the first add to the transaction's end; the database is deleted
 * after.
 */
async function writtenStraight(backup: Blob): Promise<number> {
  const { rows } = checkBackup(await backup.text());
  const floor = new ThreadlineDB('threadline-bench-floor');
  await floor.open();
  try {
    const idb = floor.backendDB();
    const tables = [...rows!.keys()].filter((name) => idb.objectStoreNames.contains(name));
    const start = performance.now();
    await new Promise((resolve, reject) => {
      const tx = idb.transaction(tables, 'readwrite');
      for (const name of tables) {
        const store = tx.objectStore(name);
        for (const row of rows!.get(name)!) store.add(row);
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    return performance.now() - start;
  } finally {
    await floor.delete();
  }
}

/** A full backup exported, then restored over the same data and into an empty database. */
async function backupTimings(): Promise<Record<string, number[]>> {
  const results: Record<string, number[]> = {};
  let backup: Blob | null = null;
  results['full backup export'] = await time(1, async () => (backup = await exportBackup(ctx)), 0);
  lastBackup = backup;
  // A restore rewrites only records that differ, so restoring onto the database the
  // backup came from and onto an empty one (a new browser) are timed apart.
  results['full backup import (checked, then written) over the same data'] = await time(
    1,
    () => importBackup(ctx, backup!),
    0,
  );
  await ctx.db.transaction('rw', ctx.db.tables, () =>
    Promise.all(ctx.db.tables.map((table) => table.clear())),
  );
  results['full backup import (checked, then written) into an empty database'] = await time(
    1,
    () => importBackup(ctx, backup!),
    0,
  );
  return results;
}

let backupForProfiling: Blob | null = null;
/** The backup the last run exported, for the restore's floor timed after everything else. */
let lastBackup: Blob | null = null;

const bench = {
  /** Only the seeding, for profiling the dashboard on a big pipeline by hand. */
  async seed(dealCount: number, touchCount: number) {
    await seed(dealCount, touchCount);
  },

  /** One step of the full backup, timed alone (for profiling by hand after seed()). */
  async backupStep(step: 'export' | 'import' | 'import-empty' | 'check') {
    if (step === 'check') {
      const text = await backupForProfiling!.text();
      const start = performance.now();
      checkBackup(text);
      return performance.now() - start;
    }
    if (step === 'import-empty')
      await ctx.db.transaction('rw', ctx.db.tables, () =>
        Promise.all(ctx.db.tables.map((table) => table.clear())),
      );
    const start = performance.now();
    if (step === 'export') backupForProfiling = await exportBackup(ctx);
    else await importBackup(ctx, backupForProfiling!);
    return performance.now() - start;
  },

  async run(dealCount: number, touchCount: number) {
    const { keys, dealIds } = await seed(dealCount, touchCount);
    // Let the database finish settling the bulk writes before timing reads.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const pick = random(7);
    const results: Record<string, number[]> = {};
    results['due scan'] = await time(30, () => scanDue(ctx));
    results['link lookup by thread id'] = await time(200, () =>
      findLink(ctx, keys[Math.floor(pick() * keys.length)]!),
    );
    // The board, the queue and the metrics read through storage/queries.ts, which keeps a
    // read until its tables change: "first read" rows drop that cache before every run,
    // the others time a read again with nothing changed in between.
    const boardData = async () => ({
      settings: await readSettings(ctx),
      open: await openDealCards(ctx),
    });
    const followUpQueue = async () => {
      const { settings, open } = await boardData();
      const now = Date.now();
      return open.map((deal) => cadenceOf(deal, settings.cadence, now));
    };
    const metrics = async () => {
      const [settings, facts] = await Promise.all([readSettings(ctx), metricsFacts(ctx)]);
      return pipelineMetrics(facts.deals, facts.history, settings.stages, Date.now());
    };
    const first = (operation: () => Promise<unknown>) => () => (
      forgetCachedReads(ctx),
      operation()
    );
    results['board data load (first read)'] = await time(10, first(boardData));
    results['board data load'] = await time(10, boardData);
    results['open deals, whole records, first read'] = await time(10, first(wholeOpenDeals));
    results['follow-up queue (cadence of every open deal), first read'] = await time(
      10,
      first(followUpQueue),
    );
    results['follow-up queue (cadence of every open deal)'] = await time(10, followUpQueue);
    results['metrics (all deals and stage history), first read'] = await time(5, first(metrics));
    results['metrics (all deals and stage history)'] = await time(5, metrics);
    Object.assign(results, await backupTimings());
    // As after seeding: let the database settle after the 120,000 records just written (a
    // rep does not log a touch in the second a restore ends).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    results['record a touch'] = await time(200, (i) =>
      recordTouch(ctx, {
        dealId: dealIds[Math.floor(pick() * dealIds.length)]!,
        channel: 'email',
        direction: 'outbound',
        at: Date.now(),
        sourceKey: `gmail:msg-f:bench-${i}`,
      }),
    );
    // The same, at a rep's pace: the worker refreshes the badge 50 ms after every write (a due
    // scan, a read of the deals table that a write must wait for), so back to back the row
    // above also times our own worker; here each touch comes after that refresh is done.
    results['record a touch, 250 ms apart'] = [];
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const start = performance.now();
      await recordTouch(ctx, {
        dealId: dealIds[Math.floor(pick() * dealIds.length)]!,
        channel: 'email',
        direction: 'outbound',
        at: Date.now(),
        sourceKey: `gmail:msg-f:bench-paced-${i}`,
      });
      results['record a touch, 250 ms apart'].push(performance.now() - start);
    }
    return results;
  },

  /**
   * The restore's floor, timed last: the 130,000 records written into a second database, and
   * that database deleted, leave the browser's storage busy tidying up for a while after.
   */
  async restoreFloor() {
    return { [RESTORE_FLOOR]: [await writtenStraight(lastBackup!)] };
  },

  /** Reopens every deal and makes it stale (the dashboard is timed on this database too). */
  async worstCase() {
    await ctx.db.deals.toCollection().modify((deal) => {
      deal.status = 'open';
      deal.lastMovementAt = Math.min(deal.lastMovementAt, Date.now() - 6 * DAY);
    });
    const count = await ctx.db.deals.count();
    return {
      [`due scan, worst case: all ${count.toLocaleString('en')} open and stale`]: await time(
        20,
        () => scanDue(ctx),
      ),
    };
  },
};

Object.assign(globalThis, { threadlineBench: bench });
document.getElementById('status')!.textContent = 'ready';
