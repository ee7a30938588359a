// Gmail in Firefox: the same long linked thread as gmail-long-thread.mjs, opened in a new tab,
// timed the same way (from the start of the navigation, in the page's own world, on the
// `--mode bench` build whose panel root is open), so that the two browsers can be compared
// in one run.
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension } from '../lib/firefox.mjs';
import { LINK, RIGHT_COUNT, ROUTE, U0, timeLongThread } from './gmail-long-thread.mjs';

const ask = (page, request) =>
  page.evaluate((r) => globalThis.browser.runtime.sendMessage(r), request);

export async function measureFirefoxGmailLongThread(
  runs = 10,
  extensionDir = `${FIREFOX_EXTENSION_DIR}-bench`,
) {
  const ext = await launchFirefoxWithExtension({
    extensionDir,
    pages: { [U0]: 'gmail/long-thread.html', [`${U0}?view=pt`]: 'gmail/print/long-thread.html' },
  });
  try {
    const control = await ext.openExtensionPage('dashboard.html');
    const toPanel = [];
    const toRightCount = [];
    for (let i = -1; i < runs; i++) {
      // A new deal each time: the thread's messages are not known yet, as on the first opening.
      const created = await ask(control, {
        type: 'deal.create',
        input: { title: 'Anatolia pilot', links: [LINK] },
      });
      const page = await ext.openSitePage();
      await page.evaluateOnNewDocument(timeLongThread, RIGHT_COUNT);
      await page.goto(`${U0}#${ROUTE}`);
      const times = await page.evaluate(() => globalThis.longThreadTimes);
      if (i >= 0) {
        toPanel.push(times.firstShown);
        toRightCount.push(times.right);
      }
      await page.close();
      await ask(control, { type: 'deal.delete', dealId: created.data.deal.id, confirm: true });
    }
    return { toPanel, toRightCount };
  } finally {
    await ext.close();
  }
}
