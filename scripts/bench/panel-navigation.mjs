// Time from a single-page navigation to the panel showing the linked deal, and the
// main-thread time one content script spends meanwhile, in Chromium with the production build.
// Our part is timed from the moment the site's new view is in the page; the same navigations
// are timed in a browser without the extension, for the ratio between the two.
import { chromium } from 'playwright-core';
import { findChromium } from '../lib/chromium.mjs';
import { fixtureResponder, launchWithExtension } from '../lib/launch.mjs';
import { handPanelRootToPage } from './panel-root.mjs';

/**
 * In the page: the site's part of a navigation (the address changes, the new view replaces
 * the old), then, with a panel, the wait for it to show the deal titled `title`. Resolves to
 * { site, ours, total } in ms: `ours` runs from the new view being in the page.
 */
function navigateInPage({ to, html, title, withPanel }) {
  return new Promise((resolve) => {
    const host = document.querySelector('threadline-panel');
    const start = performance.now();
    if (to.hash !== undefined) location.hash = to.hash;
    if (to.path !== undefined) history.pushState({}, '', to.path);
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.title = next.title;
    document.body.replaceChildren(
      ...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)),
    );
    if (host) document.body.append(host);
    const viewIn = performance.now();
    if (!withPanel) return resolve({ site: viewIn - start });
    const root = globalThis.threadlinePanelRoot;
    const shows = () => root.querySelector('.tl-deal .tl-title')?.textContent === title;
    const observer = new MutationObserver(() => shows() && done());
    const done = () => {
      const end = performance.now();
      observer.disconnect();
      resolve({ site: viewIn - start, ours: end - viewIn, total: end - start });
    };
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    if (shows()) done();
  });
}

/** The same navigations in a browser without the extension: the site's part alone. */
export async function measureWithoutExtension({ startUrl, pages, targets }) {
  const browser = await chromium.launch({ executablePath: findChromium().path });
  try {
    const page = await browser.newPage();
    const respond = fixtureResponder(pages);
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return /^https:\/\/(mail\.google|www\.linkedin)\.com\//.test(url)
        ? route.fulfill(respond(url))
        : route.abort('blockedbyclient');
    });
    await page.goto(startUrl);
    const samples = [];
    for (const t of targets) {
      const { site } = await page.evaluate(navigateInPage, { ...t, withPanel: false });
      // What a rep sees: the next frame, painted.
      await page.evaluate(() => new Promise((painted) => requestAnimationFrame(painted)));
      samples.push(site);
    }
    return samples;
  } finally {
    await browser.close();
  }
}

/**
 * `targets` are pages to navigate to, each { to: { hash } | { path }, html, title, link };
 * a deal titled `title` is linked by `link` to each before the run.
 */
export async function measurePanelNavigation({
  startUrl,
  pages,
  targets: allTargets,
  script,
  warmUp = 3,
  coldRuns = 10,
}) {
  // The first few navigations warm the page and the worker up; they are not timed. The last
  // few are opened with the worker stopped, as after a pause of 30 s.
  const warmUps = allTargets.slice(0, warmUp);
  const targets = allTargets.slice(warmUp, allTargets.length - coldRuns);
  const coldTargets = allTargets.slice(allTargets.length - coldRuns);
  const ext = await launchWithExtension({ pages });
  try {
    const setup = await ext.context.newPage();
    await setup.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    for (const t of allTargets) {
      await setup.evaluate((input) => chrome.runtime.sendMessage({ type: 'deal.create', input }), {
        title: t.title,
        links: [t.link],
      });
    }
    await setup.close();

    const page = await ext.context.newPage();
    await page.goto(startUrl);
    await page.waitForFunction(() => document.querySelector('threadline-panel'));
    // The panel's root is closed; the timing code below gets it from the DevTools protocol.
    if (!(await handPanelRootToPage(page, 'threadlinePanelRoot')))
      throw new Error('No panel on the start page');
    // Let the worker finish what creating the deals set off (badge, change notices).
    await page.waitForTimeout(1_000);
    const navigate = (t) =>
      page.evaluate(navigateInPage, { to: t.to, html: t.html, title: t.title, withPanel: true });
    // Long tasks (over 50 ms) in the page while it navigates: none may be ours.
    await page.evaluate(() => {
      globalThis.longTasks = [];
      new PerformanceObserver((list) =>
        globalThis.longTasks.push(...list.getEntries().map((entry) => entry.duration)),
      ).observe({ type: 'longtask' });
    });

    for (const t of warmUps) await navigate(t);
    // Each page opened for the first time: the panel asks the worker.
    const firstVisits = [];
    for (const t of targets) firstVisits.push(await navigate(t));
    // Going back to pages seen before, under the CPU profiler.
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const revisits = [];
    for (const t of targets) revisits.push(await navigate(t));
    const { profile } = await cdp.send('Profiler.stop');
    const longTasks = await page.evaluate(() => globalThis.longTasks);
    // Pages opened for the first time after Chrome stopped the idle worker.
    await cdp.send('ServiceWorker.enable');
    const coldVisits = [];
    for (const t of coldTargets) {
      await stopWorker(cdp);
      coldVisits.push(await navigate(t));
      await page.waitForTimeout(300);
    }
    const workerStart = await workerStartUp(ext, cdp, coldRuns);
    return {
      firstVisits,
      revisits,
      coldVisits,
      workerStart,
      longTasks,
      navigations: firstVisits.length + revisits.length,
      contentScriptMs: selfTime(profile, script),
    };
  } finally {
    await ext.close();
  }
}

/**
 * Stops the extension's worker (as Chrome does after 30 s idle) and resolves once it has
 * stopped: the next message wakes it. `cdp` has the ServiceWorker domain enabled.
 */
async function stopWorker(cdp) {
  const stopped = new Promise((resolve) => {
    const onUpdate = ({ versions }) => {
      const ours = versions.find((v) => v.scriptURL.endsWith('/background.js'));
      if (ours?.runningStatus !== 'stopped') return;
      cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
      resolve();
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

/**
 * The worker's start-up: a request from an extension page answered by a stopped worker, less
 * the same request answered by the running one, in ms.
 */
async function workerStartUp(ext, cdp, runs) {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const ping = () =>
      page.evaluate(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'ping' });
        return performance.now() - start;
      });
    const samples = [];
    for (let i = 0; i < runs; i++) {
      await stopWorker(cdp);
      const cold = await ping();
      samples.push(cold - (await ping()));
    }
    return samples;
  } finally {
    await page.close();
  }
}

/** Self time of the functions from one script in a CPU profile, in ms. */
export function selfTime(profile, scriptPath) {
  const ours = new Set(
    profile.nodes.filter((n) => n.callFrame.url.includes(scriptPath)).map((n) => n.id),
  );
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (ours.has(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}
