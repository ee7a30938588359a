// Gmail: a linked thread of 30 messages, 25 of them folded away behind "25 older messages".
// Time from opening the thread to the panel showing the right follow-up count, and the
// requests that takes (Gmail's print view of the thread, from the fixture).
//
// The timing runs in the page's own world from the start of the navigation, so it needs to
// see into the panel at once: it runs on the `--mode bench` build, the production code with
// the panel's shadow root left open (production closes it; see mount-panel.tsx).
import { EXTENSION_DIR, launchWithExtension } from '../lib/launch.mjs';

export const U0 = 'https://mail.google.com/mail/u/0/';
export const ROUTE = 'label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC';
export const LINK = {
  kind: 'gmail-thread',
  account: 'maria.rep@northwind.fi',
  externalId: 'thread-f:1847819342906399008',
  label: 'Anatolia pilot',
};
export const RIGHT_COUNT = 'Follow-up 5';

/**
 * Main-world timing, run in the page before its own scripts: `longThreadTimes` resolves to
 * when the panel first shows a follow-up count and when it shows the right one (ms from the
 * start of the navigation); `longThreadFirstShown` holds the first as soon as it is known.
 */
export function timeLongThread(rightCount) {
  globalThis.longThreadTimes = new Promise((resolve) => {
    let firstShown = null;
    const check = () => {
      const text = document
        .querySelector('threadline-panel')
        ?.shadowRoot?.querySelector('.tl-follow-ups')?.textContent;
      if (text && firstShown === null)
        globalThis.longThreadFirstShown = firstShown = performance.now();
      if (text === rightCount) resolve({ firstShown, right: performance.now() });
    };
    const watchHost = new MutationObserver(() => {
      const root = document.querySelector('threadline-panel')?.shadowRoot;
      if (!root) return;
      watchHost.disconnect();
      new MutationObserver(check).observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      check();
    });
    watchHost.observe(document, { childList: true, subtree: true });
  });
}

export async function measureGmailLongThread(runs = 10, extensionDir = `${EXTENSION_DIR}-bench`) {
  const ext = await launchWithExtension({
    extensionDir,
    pages: { [U0]: 'gmail/long-thread.html', [`${U0}?view=pt`]: 'gmail/print/long-thread.html' },
  });
  const requests = [];
  ext.context.on('requestfinished', async (request) => {
    if (!request.url().includes('view=pt')) return;
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    requests.push(sizes.responseBodySize);
  });
  try {
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    const toPanel = [];
    const toRightCount = [];
    const requestsPerOpening = [];
    for (let i = -1; i < runs; i++) {
      // A new deal each time: the thread's messages are not known yet, as on the first opening.
      const created = await dashboard.evaluate(
        (input) => chrome.runtime.sendMessage({ type: 'deal.create', input }),
        { title: 'Anatolia pilot', links: [LINK] },
      );
      const before = requests.length;
      const page = await ext.context.newPage();
      await page.addInitScript(timeLongThread, RIGHT_COUNT);
      await page.goto(`${U0}#${ROUTE}`);
      const times = await page.evaluate(() => globalThis.longThreadTimes);
      await page.waitForTimeout(300);
      if (i >= 0) {
        toPanel.push(times.firstShown);
        toRightCount.push(times.right);
        requestsPerOpening.push(requests.length - before);
      }
      await page.close();
      await dashboard.evaluate(
        (dealId) => chrome.runtime.sendMessage({ type: 'deal.delete', dealId, confirm: true }),
        created.data.deal.id,
      );
    }
    const bytes = requests.length ? requests.reduce((a, b) => a + b, 0) / requests.length : 0;
    return { toPanel, toRightCount, requestsPerOpening, printViewBytes: bytes };
  } finally {
    await ext.close();
  }
}
