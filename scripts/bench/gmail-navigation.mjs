// Time from a Gmail hash change to the panel showing the thread's linked deal, and the
// main-thread time the content script spends meanwhile, in Chromium with the production build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, launchWithExtension } from '../lib/launch.mjs';

const U0 = 'https://mail.google.com/mail/u/0/';
const PERM_ID = 'thread-f:1790123456789012345';

/** Thread n: the saved thread page under its own thread id, and a deal linked to it. */
function thread(n, template) {
  const threadId = `thread-f:17901234560000${String(n).padStart(5, '0')}`;
  return {
    route: `inbox/FMfcgzQZTnBvxKqLdWfRmPp${String(n).padStart(5, '0')}`,
    threadId,
    title: `Bench deal ${n}`,
    html: template.replaceAll(PERM_ID, threadId),
  };
}

export async function measureGmailNavigation(navigations = 50) {
  const template = readFileSync(join(FIXTURES_DIR, 'gmail/thread.html'), 'utf8');
  const threads = Array.from({ length: navigations + 1 }, (_, n) => thread(n, template));
  const ext = await launchWithExtension({ pages: { [U0]: 'gmail/thread.html' } });
  try {
    const setup = await ext.context.newPage();
    await setup.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    for (const t of threads) {
      const link = { kind: 'gmail-thread', account: 'maria.rep@northwind.fi', externalId: t.threadId, label: t.title };
      await setup.evaluate((input) => chrome.runtime.sendMessage({ type: 'deal.create', input }), { title: t.title, links: [link] });
    }
    await setup.close();

    const page = await ext.context.newPage();
    await page.goto(`${U0}#inbox`);
    await page.waitForFunction(() => document.querySelector('threadline-panel')?.shadowRoot);
    const navigate = (t) =>
      page.evaluate(
        ({ route, html, title }) =>
          new Promise((resolve) => {
            const host = document.querySelector('threadline-panel');
            const shows = () => host?.shadowRoot?.querySelector('.tl-deal .tl-title')?.textContent === title;
            const start = performance.now();
            // Gmail's part: the hash changes and the conversation is in the page.
            location.hash = route;
            const next = new DOMParser().parseFromString(html, 'text/html');
            document.title = next.title;
            document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)));
            if (host) document.body.append(host);
            const done = () => resolve(performance.now() - start);
            new MutationObserver(() => shows() && done()).observe(host.shadowRoot, { subtree: true, childList: true, characterData: true });
            if (shows()) done();
          }),
        t,
      );
    await navigate(threads[0]);

    // Each thread opened for the first time: the panel asks the worker.
    const firstVisits = [];
    for (const t of threads.slice(1)) firstVisits.push(await navigate(t));
    // Going back to threads seen before: shown from what the page already knows.
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const revisits = [];
    for (const t of threads.slice(1)) revisits.push(await navigate(t));
    const { profile } = await cdp.send('Profiler.stop');
    return { firstVisits, revisits, contentScriptMs: contentScriptTime(profile, 'content-scripts/gmail.js') };
  } finally {
    await ext.close();
  }
}

/** Self time of the functions from one script in a CPU profile, in ms. */
function contentScriptTime(profile, scriptPath) {
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.includes(scriptPath)).map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (ours.has(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}
