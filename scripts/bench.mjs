// npm run bench: sizes of the production build and timings of the storage operations on a
// large pipeline in Chromium's real IndexedDB. Prints a table and writes bench/results.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, EXTENSION_DIR, launchWithExtension } from './lib/launch.mjs';
import { measureGmailNavigation } from './bench/gmail-navigation.mjs';
import { measureLinkedInNavigation } from './bench/linkedin-navigation.mjs';
import { measureGmailLongThread } from './bench/gmail-long-thread.mjs';
import { measureGmailBusyRows } from './bench/gmail-busy.mjs';
import { FIREFOX_EXTENSION_DIR } from './lib/firefox.mjs';
import { measureFirefoxGmailLongThread } from './bench/firefox-gmail-open.mjs';
import { measureTeamSync, teamSyncLines } from './bench/team-sync.mjs';

const DEALS = 10_000;
const TOUCHES = 100_000;
const BUDGETS = {
  // Raised from 25 for the objections form in the panel (log, take the prospect's words, the
  // answers that worked, the promised answer, loss reasons): 1.6 KB gzip of Preact markup the
  // rep needs in place, no library added. Measured 26.64 KiB with it, 25.06 without; then
  // 26.93 with the panel split into components of one job each (+0.3 KB of definitions);
  // 27.07 with the same-company warning for teams (the worker words it; the
  // panel only shows it, with "Open it" and "Create anyway").
  'content-scripts/gmail.js': { gzipKB: 27.5 },
  'content-scripts/linkedin.js': { gzipKB: 25 },
  // Issue 13's targets (p95 unless a median is named in the row's text).
  'due scan': { p95: 20 },
  [`due scan, worst case: all ${DEALS.toLocaleString('en')} open and stale`]: { p95: 50 },
  'record a touch': { p95: 15 },
  'record a touch, 250 ms apart': { p95: 15 },
  'board data load (first read)': { p95: 60 },
  'board data load': { p95: 60 },
  'follow-up queue (cadence of every open deal), first read': { p95: 60 },
  'follow-up queue (cadence of every open deal)': { p95: 60 },
  'metrics (all deals and stage history), first read': { p95: 150 },
  'metrics (all deals and stage history)': { p95: 150 },
  'full backup export': { p95: 3000 },
  'full backup import (checked, then written) over the same data': { p95: 3000 },
  'full backup import (checked, then written) into an empty database': { p95: 8000 },
  'dashboard first paint (navigation to first board card painted)': { p95: 300 },
  [`dashboard first paint, worst case: all ${DEALS.toLocaleString('en')} open`]: { p95: 500 },
  'Gmail: new view in the page → panel shows its deal (first visit)': { p95: 25 },
  'Gmail: new view in the page → panel shows its deal (seen before)': { p95: 16 },
  'Gmail: new view in the page → panel shows its deal (worker stopped)': { p95: 150 },
  'LinkedIn: new view in the page → panel shows its deal (first visit)': { p95: 25 },
  'LinkedIn: new view in the page → panel shows its deal (seen before)': { p95: 16 },
  'LinkedIn: new view in the page → panel shows its deal (worker stopped)': { p95: 150 },
  'link lookup by thread id': { p95: 2 },
  'Gmail: long thread opened → panel shows its deal': { p95: 300 },
  'Gmail: long thread opened → the right follow-up count (25 of 30 messages hidden)': { p95: 500 },
};

function build(args) {
  const result = spawnSync('npx', ['wxt', 'build', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`wxt build ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function sizes(dir = EXTENSION_DIR) {
  return filesUnder(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(file);
      // Hashed chunk names ("dashboard-Dp3ihMYf.js") are reported by entrypoint name.
      const name = relative(dir, file).replace(/-[\w-]{8}\.js$/, '.js');
      return { name, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * What a rep waits for: from navigation to the first frame painted with a board card in
 * it. The card is noticed as it is inserted; a message posted from the next animation
 * frame's callback arrives once that frame has been painted. One untimed run first.
 */
async function dashboardFirstPaints(context, url, runs) {
  const samples = [];
  for (let i = -1; i < runs; i++) {
    const dashboard = await context.newPage();
    await dashboard.addInitScript(() => {
      globalThis.firstCardPainted = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.column .card')) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document, { childList: true, subtree: true });
      });
    });
    await dashboard.goto(url);
    const paintedAt = await dashboard.evaluate(() => globalThis.firstCardPainted);
    if (i >= 0) samples.push(paintedAt);
    await dashboard.close();
  }
  return samples;
}

async function timings() {
  const ext = await launchWithExtension({ extensionDir: `${EXTENSION_DIR}-bench` });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const results = await page.evaluate(
      ([deals, touches]) =>
        globalThis.threadlineBench.run(deals, touches).catch((error) => {
          throw new Error(`${error.name}: ${error.message}`);
        }),
      [DEALS, TOUCHES],
    );
    const dashboardUrl = `chrome-extension://${ext.extensionId}/dashboard.html#board`;
    results['dashboard first paint (navigation to first board card painted)'] =
      await dashboardFirstPaints(ext.context, dashboardUrl, 5);
    Object.assign(results, await page.evaluate(() => globalThis.threadlineBench.worstCase()));
    results[`dashboard first paint, worst case: all ${DEALS.toLocaleString('en')} open`] =
      await dashboardFirstPaints(ext.context, dashboardUrl, 5);
    Object.assign(results, await page.evaluate(() => globalThis.threadlineBench.restoreFloor()));
    return Object.entries(results).map(([name, samples]) => ({
      name,
      runs: samples.length,
      median: percentile(samples, 50),
      p95: percentile(samples, 95),
    }));
  } finally {
    await ext.close();
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Firefox ESR beside Chromium: its content scripts' sizes, and the Gmail panel's time. */
function firefoxSection() {
  const rows = [
    ['Chromium', longThread],
    ['Firefox ESR', firefoxLongThread],
  ].map(([browser, r]) => ({
    browser,
    median: percentile(r.toPanel, 50),
    p95: percentile(r.toPanel, 95),
    runs: r.toPanel.length,
  }));
  const [chromium, firefox] = rows;
  return [
    '## Firefox (the Firefox MV3 package, Firefox ESR over WebDriver BiDi)',
    '',
    '| file | raw KB | gzip KB | budget (gzip KB) |',
    '| --- | ---: | ---: | --- |',
    ...firefoxSizeRows.map(
      (r) =>
        `| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${verdict(r.name, 'gzipKB', r.gzip / 1024)} |`,
    ),
    '',
    '| Gmail: long thread opened → panel shows its deal | runs | median ms | p95 ms |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.browser} | ${r.runs} | ${ms(r.median)} | ${ms(r.p95)} |`),
    '',
    `Firefox ÷ Chromium, same run, same fixture and timing: ${(firefox.median / chromium.median).toFixed(2)}× at the median, ${(firefox.p95 / chromium.p95).toFixed(2)}× at p95.`,
    '',
  ];
}
const ms = (value) => value.toFixed(2);

/** The restore into an empty database beside IndexedDB's own time for the same records. */
function restoreFloorLine(rows) {
  const median = (start) => rows.find((r) => r.name.startsWith(start)).median;
  const restore = median('full backup import (checked, then written) into an empty database');
  const floor = median('the same records written straight into an empty database');
  return `A restore into an empty database takes ${(restore / floor).toFixed(2)}× the time IndexedDB alone takes to write the same records on this machine, in the same run (${(restore / 1000).toFixed(1)} s against ${(floor / 1000).toFixed(1)} s): one request per record, its index entries included.`;
}
const verdict = (name, field, value) => {
  const budget = BUDGETS[name]?.[field];
  return budget === undefined ? '' : value <= budget ? `≤ ${budget} ✓` : `> ${budget} ✗`;
};

build([]);
const sizeRows = sizes();
// The Firefox package's content scripts, against the same budget.
build(['-b', 'firefox']);
const firefoxSizeRows = sizes(FIREFOX_EXTENSION_DIR).filter((r) =>
  r.name.startsWith('content-scripts/'),
);
const gmail = await measureGmailNavigation(50);
const linkedin = await measureLinkedInNavigation(50);
const busy = await measureGmailBusyRows();
// The bench build: the production code, with the bench page and the panel's root left open.
build(['--mode', 'bench']);
const longThread = await measureGmailLongThread(10, `${EXTENSION_DIR}-bench`);
// The same opening in Firefox ESR, in this run, for the ratio between the two.
build(['-b', 'firefox', '--mode', 'bench']);
const firefoxLongThread = await measureFirefoxGmailLongThread(10, `${FIREFOX_EXTENSION_DIR}-bench`);
const timingRows = await timings();
// The storage rows' pipeline, at the target's full size: a first push and pull take minutes,
// and a smaller one would hide what grows with it. `node scripts/bench/team-sync.mjs 1000
// 10000` runs the team rows alone at any size.
const TEAM_SCALE = 1;
const teamSync = await measureTeamSync(
  `${EXTENSION_DIR}-bench`,
  DEALS * TEAM_SCALE,
  TOUCHES * TEAM_SCALE,
);
// Our part of a navigation: from the site's new view being in the page to the deal shown.
const navigationRows = [
  ['Gmail', gmail],
  ['LinkedIn', linkedin],
].flatMap(([site, result]) =>
  [
    ['first visit', result.firstVisits],
    ['seen before', result.revisits],
    ['worker stopped', result.coldVisits],
  ].map(([when, visits]) => {
    const samples = visits.map((visit) => visit.ours);
    return {
      name: `${site}: new view in the page → panel shows its deal (${when})`,
      runs: samples.length,
      median: percentile(samples, 50),
      p95: percentile(samples, 95),
    };
  }),
);
/** The whole navigation with the extension over the same one without it (medians). */
const ratioLine = (site, r) => {
  const withExtension = percentile(
    [...r.firstVisits, ...r.revisits].map((visit) => visit.total),
    50,
  );
  const without = percentile(r.withoutExtension, 50);
  return `${site}: the whole navigation (address change → deal shown) takes ${ms(withExtension)} ms with the extension and ${ms(without)} ms without it (address change → new view in the page), ${(withExtension / without).toFixed(1)}× (medians, same run).`;
};
const longTaskLine = (site, r) =>
  `${site}: long tasks (over 50 ms) in the page during ${r.navigations} navigations: ${r.longTasks.length}${r.longTasks.length ? ` (${r.longTasks.map(ms).join(', ')} ms)` : ''} (target 0 ${r.longTasks.length === 0 ? '✓' : '✗'}).`;
const workerLine = (site, r) =>
  `${site}: the worker's start-up (a request answered by a stopped worker, less the same request answered by the running one): median ${ms(percentile(r.workerStart, 50))} ms, p95 ${ms(percentile(r.workerStart, 95))} ms over ${r.workerStart.length} starts; its bundle is background.js above.`;
// Timed from the start of the page's navigation: the page load is in both rows.
for (const [name, samples] of [
  ['Gmail: long thread opened → panel shows its deal', longThread.toPanel],
  [
    'Gmail: long thread opened → the right follow-up count (25 of 30 messages hidden)',
    longThread.toRightCount,
  ],
]) {
  navigationRows.push({
    name,
    runs: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
  });
}

const lines = [
  '# Threadline bench',
  '',
  `Measured ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}.`,
  '',
  '## Size of each entrypoint’s JavaScript (production build)',
  '',
  '| file | raw KB | gzip KB | budget (gzip KB) |',
  '| --- | ---: | ---: | --- |',
  ...sizeRows.map(
    (r) =>
      `| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${verdict(r.name, 'gzipKB', r.gzip / 1024)} |`,
  ),
  '',
  `## Storage in Chromium's IndexedDB: ${DEALS.toLocaleString('en')} deals, ${TOUCHES.toLocaleString('en')} touches`,
  '',
  'Seeded as a rep’s database after two years: a third of the deals open, each moved in the last three weeks (so most are due); the worst-case rows reopen every deal and make it stale. A dashboard first paint is the time from navigation to the first frame painted with a board card in it.',
  '',
  '| operation | runs | median ms | p95 ms | budget (p95 ms) |',
  '| --- | ---: | ---: | ---: | --- |',
  ...timingRows.map(
    (r) =>
      `| ${r.name} | ${r.runs} | ${ms(r.median)} | ${ms(r.p95)} | ${verdict(r.name, 'p95', r.p95)} |`,
  ),
  '',
  restoreFloorLine(timingRows),
  '',
  '## In the page (production build, fixture pages)',
  '',
  '| measure | runs | median ms | p95 ms | budget (p95 ms) |',
  '| --- | ---: | ---: | ---: | --- |',
  ...navigationRows.map(
    (r) =>
      `| ${r.name} | ${r.runs} | ${ms(r.median)} | ${ms(r.p95)} | ${verdict(r.name, 'p95', r.p95)} |`,
  ),
  '',
  'Timed from the moment the site’s new view is in the page (the address changed and the page swapped its content) to the panel showing the deal; “worker stopped” opens a page for the first time right after `ServiceWorker.stopAllWorkers` (DevTools protocol), as after a 30 s pause.',
  '',
  ...[
    ['Gmail', gmail],
    ['LinkedIn', linkedin],
  ].flatMap(([site, r]) => [ratioLine(site, r), longTaskLine(site, r), workerLine(site, r)]),
  '',
  ...[
    ['Gmail', gmail],
    ['LinkedIn', linkedin],
  ].map(
    ([site, r]) =>
      `Main-thread time in the ${site} content script over ${r.revisits.length} navigations: ${ms(r.contentScriptMs)} ms in all, ${ms(r.contentScriptMs / r.revisits.length)} ms each (CPU profile, self time of its functions, sampled every 0.1 ms).`,
  ),
  `Gmail busy with hover: ${busy.changes} row class changes (60 a second for 10 s), main-thread time in the Gmail content script: ${ms(busy.contentScriptMs)} ms in all (target ≤ 20 ${busy.contentScriptMs <= 20 ? '✓' : '✗'}).`,
  '',
  `The long thread is read whole from Gmail's print view of it: ${Math.max(...longThread.requestsPerOpening)} request per opening at most (target ≤ 1 ${Math.max(...longThread.requestsPerOpening) <= 1 ? '✓' : '✗'}), ${kb(longThread.printViewBytes)} KB for 30 short messages, no permission beyond the content script's own page. Times run from the start of the page's navigation, its load included, on the \`--mode bench\` build (the production code, with the panel's shadow root left open for the timing script in the page).`,
  '',
  ...teamSyncLines(teamSync, {
    deals: DEALS * TEAM_SCALE,
    touches: TOUCHES * TEAM_SCALE,
    scale: TEAM_SCALE,
    backgroundGzipKB: sizeRows.find((r) => r.name === 'background.js').gzip / 1024,
  }),
  ...firefoxSection(),
];
const report = lines.join('\n');
console.log(report);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.md'), report);
console.log('Written to bench/results.md');
// The team server's long polls leave heartbeat timers behind (express-pouchdb clears them only
// when a poll completes, not when its client goes): they must not keep the bench running.
process.exit(0);
