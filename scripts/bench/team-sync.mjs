import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchWithExtension } from '../lib/launch.mjs';
import { startCouchServer } from '../lib/couch-server.mjs';

// Team sync on a large pipeline: two browser profiles with the bench build and one
// CouchDB-compatible server (express-pouchdb, in this process). Times the first push of a
// seeded pipeline, the first pull into an empty browser, and one edit reaching the other
// browser with both online; estimates the local storage the mirror adds.

const TEAM_DB = 'bench-team';

/** The bench build with the loopback server granted, as a rep's click on "Allow" would. */
function withServerAllowed(extensionDir) {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-team-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

async function send(page, message) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply?.ok) throw new Error(`${message.type} refused: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** Waits for the first sync to end: a round over, nothing waiting. Returns its progress. */
async function untilSynced(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let progressSeen = 0;
  for (;;) {
    const status = await send(page, { type: 'team.status' });
    if (status.progress) progressSeen++;
    if (status.error) throw new Error(`sync failed: ${JSON.stringify(status.error)}`);
    if (!status.running && status.lastSyncAt && status.pending === 0) return progressSeen;
    if (Date.now() > deadline) throw new Error(`no end of sync: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * How many deals and touches the browser's database holds, and how many deals' figures
 * disagree with their touches (count, last touch, last reply): a pull that lost a touch, or
 * wrote a deal before all of its touches were counted, shows here.
 */
const counts = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('threadline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['deals', 'touches']);
          const deals = tx.objectStore('deals').getAll();
          const touches = tx.objectStore('touches').getAll();
          tx.oncomplete = () => {
            open.result.close();
            const byDeal = new Map();
            for (const t of touches.result) {
              const f = byDeal.get(t.dealId) ?? { count: 0, last: null, inbound: null };
              f.count++;
              f.last = Math.max(f.last ?? t.at, t.at);
              if (t.channel !== 'note' && t.direction === 'inbound')
                f.inbound = Math.max(f.inbound ?? t.at, t.at);
              byDeal.set(t.dealId, f);
            }
            const wrong = deals.result.filter((deal) => {
              const f = byDeal.get(deal.id) ?? { count: 0, last: null, inbound: null };
              return (
                deal.touchCount !== f.count ||
                deal.lastTouchAt !== f.last ||
                deal.lastInboundAt !== f.inbound
              );
            });
            resolve({
              deals: deals.result.length,
              touches: touches.result.length,
              wrongFigures: wrong.length,
            });
          };
        };
      }),
  );

const usage = (page) => page.evaluate(() => navigator.storage.estimate().then((e) => e.usage));

async function openRep(dir, server, name, seed) {
  const ext = await launchWithExtension({ extensionDir: dir, allowOrigins: [server.url] });
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  if (seed) await page.evaluate(([d, t]) => globalThis.threadlineBench.seed(d, t), seed);
  await server.addUser(name, `${name}-secret`);
  const join = () =>
    send(page, {
      type: 'team.join',
      input: { server: server.url, database: TEAM_DB, name, password: `${name}-secret` },
    });
  return { ext, page, join };
}

/** One deal's title changed in `from`, timed until `to` shows the new title. */
async function oneChange(from, to, dealId, i) {
  const title = `Live change ${i}`;
  const start = performance.now();
  await send(from, { type: 'deal.update', input: { id: dealId, patch: { title } } });
  for (;;) {
    const { deal } = await send(to, { type: 'deal.get', dealId });
    if (deal.title === title) return performance.now() - start;
    if (performance.now() - start > 30_000) return Infinity; // never arrived
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function measureTeamSync(benchDir, deals, touches) {
  const server = await startCouchServer();
  const dir = withServerAllowed(benchDir);
  const reps = [];
  try {
    await server.createDatabase(TEAM_DB);
    const lead = await openRep(dir, server, 'ayse', [deals, touches]);
    reps.push(lead);
    // Let the seeded database settle, as the storage rows do.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const usageBefore = await usage(lead.page);
    let start = performance.now();
    await lead.join();
    const pushProgress = await untilSynced(lead.page, 600_000);
    const push = performance.now() - start;
    const mirrorBytes = (await usage(lead.page)) - usageBefore;
    const pushed = await counts(lead.page);
    const { doc_count: docs } = await server.info(TEAM_DB);

    const member = await openRep(dir, server, 'mikko', null);
    reps.push(member);
    start = performance.now();
    await member.join();
    const pullProgress = await untilSynced(member.page, 600_000);
    const pull = performance.now() - start;
    const pulled = await counts(member.page);

    const changes = [];
    for (let i = 0; i < 5; i++) changes.push(await oneChange(lead.page, member.page, 'deal-1', i));
    return { docs, push, pull, mirrorBytes, changes, pushProgress, pullProgress, pushed, pulled };
  } finally {
    for (const rep of reps) await rep.ext.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (ms) => (ms / 1000).toFixed(1);
const mark = (ok) => (ok ? '✓' : '✗');

/**
 * The team sync's section of bench/results.md. `scale` is the share of the target's size
 * measured (the targets are for 10,000 deals / 100,000 touches and scale with it).
 */
export function teamSyncLines(r, { deals, touches, scale, backgroundGzipKB }) {
  const size = `${deals.toLocaleString('en')} deals / ${touches.toLocaleString('en')} touches`;
  const target = 60_000 * scale;
  const partSize =
    scale < 1
      ? `, ${scale} of the target's size: ≤ 60 s at full size is ≤ ${seconds(target)} s here`
      : '';
  const changes = [...r.changes].sort((a, b) => a - b);
  const slowest = changes.at(-1);
  return [
    '## Team sync (two Chromium profiles, express-pouchdb with the memory adapter in this process)',
    '',
    `${r.docs.toLocaleString('en')} team documents (deals, links, stage changes, touches, settings). Timed from "Join" to the first sync over (nothing waiting); the server runs in the bench's own Node process, so its share of the time is in the rows too.`,
    '',
    '| measure | value | target |',
    '| --- | ---: | --- |',
    `| first push of ${size}${partSize} | ${seconds(r.push)} s | ≤ ${seconds(target)} s ${mark(r.push <= target)} |`,
    `| first pull of ${size} into an empty browser${partSize} | ${seconds(r.pull)} s | ≤ ${seconds(target)} s ${mark(r.pull <= target)} |`,
    `| the pulled pipeline: deals and touches as pushed, every deal's figures (touch count, last touch, last reply) as its touches make them | ${r.pulled.deals.toLocaleString('en')} deals, ${r.pulled.touches.toLocaleString('en')} touches, ${r.pulled.wrongFigures} deals with other figures | ${r.pushed.deals.toLocaleString('en')} deals, ${r.pushed.touches.toLocaleString('en')} touches, 0 ${mark(r.pulled.deals === r.pushed.deals && r.pulled.touches === r.pushed.touches && r.pulled.wrongFigures === 0)} |`,
    `| one change reaching the other browser, both online (${changes.length} edits, median / slowest) | ${seconds(changes[Math.floor(changes.length / 2)])} / ${seconds(slowest)} s | ≤ 5 s ${mark(slowest <= 5_000)} |`,
    `| local storage added by the mirror (navigator.storage.estimate before joining and after the first push) | ${(r.mirrorBytes / 1024 / 1024).toFixed(1)} MB | — |`,
    `| background.js gzip, team sync included (PouchDB and the engine run only in the worker) | ${backgroundGzipKB.toFixed(1)} KB | — |`,
    '',
    `The first sync's progress bar was seen moving ${r.pushProgress} times during the push and ${r.pullProgress} during the pull (status read every 250 ms).`,
    '',
  ];
}

// `node scripts/bench/team-sync.mjs 10000 100000` (after `npx wxt build --mode bench`): the
// team rows alone, at any size.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [deals = 10_000, touches = 100_000] = process.argv.slice(2).map(Number);
  const result = await measureTeamSync(`${EXTENSION_DIR}-bench`, deals, touches);
  const background = readFileSync(join(`${EXTENSION_DIR}-bench`, 'background.js'));
  const lines = teamSyncLines(result, {
    deals,
    touches,
    scale: deals / 10_000,
    backgroundGzipKB: gzipSync(background, { level: 9 }).length / 1024,
  });
  console.log(lines.join('\n'));
  // express-pouchdb leaves a long poll's heartbeat timer behind when its client goes.
  process.exit(0);
}
