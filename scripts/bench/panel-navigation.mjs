// Time from a single-page navigation to the panel showing the linked deal, and the
// main-thread time one content script spends meanwhile, in Chromium with the production build.
import { launchWithExtension } from '../lib/launch.mjs';
import { handPanelRootToPage } from './panel-root.mjs';

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
}) {
  // The first few navigations warm the page and the worker up; they are not timed.
  const warmUps = allTargets.slice(0, warmUp);
  const targets = allTargets.slice(warmUp);
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
      page.evaluate(
        ({ to, html, title }) =>
          new Promise((resolve) => {
            const host = document.querySelector('threadline-panel');
            const root = globalThis.threadlinePanelRoot;
            const shows = () => root.querySelector('.tl-deal .tl-title')?.textContent === title;
            const start = performance.now();
            // The site's part: the address changes and the new view is in the page.
            if (to.hash !== undefined) location.hash = to.hash;
            if (to.path !== undefined) history.pushState({}, '', to.path);
            const next = new DOMParser().parseFromString(html, 'text/html');
            document.title = next.title;
            document.body.replaceChildren(
              ...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)),
            );
            if (host) document.body.append(host);
            const done = () => resolve(performance.now() - start);
            new MutationObserver(() => shows() && done()).observe(root, {
              subtree: true,
              childList: true,
              characterData: true,
            });
            if (shows()) done();
          }),
        { to: t.to, html: t.html, title: t.title },
      );

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
    return { firstVisits, revisits, contentScriptMs: selfTime(profile, script) };
  } finally {
    await ext.close();
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
