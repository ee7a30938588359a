// Gmail busy with hover and focus: the inbox's rows change class 60 times a second for 10
// seconds (as Gmail marks rows under the pointer), and the Gmail content script's main-thread
// time over those 10 seconds is taken from a CPU profile. Nothing the rep sees changes, so
// ideally the content script does nothing.
import { launchWithExtension } from '../lib/launch.mjs';
import { selfTime } from './panel-navigation.mjs';

const U0 = 'https://mail.google.com/mail/u/0/';

export async function measureGmailBusyRows({ extensionDir, seconds = 10, perSecond = 60 } = {}) {
  const ext = await launchWithExtension({
    ...(extensionDir ? { extensionDir } : {}),
    pages: { [U0]: 'gmail/inbox.html' },
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${U0}#inbox`);
    await page.waitForFunction(() => document.querySelector('threadline-panel'));
    // Let the panel, the chips and the worker settle first.
    await page.waitForTimeout(1_500);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const changes = await page.evaluate(
      ({ seconds, perSecond }) =>
        new Promise((resolve) => {
          const rows = [...document.querySelectorAll('tr.zA')];
          let count = 0;
          const timer = setInterval(() => {
            // The pointer moves to the next row: the one it left loses the hover mark.
            const row = rows[count % rows.length];
            rows[(count + rows.length - 1) % rows.length].classList.remove('x7');
            row.classList.add('x7');
            row.querySelector('td')?.classList.toggle('aqw');
            if (++count >= seconds * perSecond) {
              clearInterval(timer);
              setTimeout(() => resolve(count), 100);
            }
          }, 1000 / perSecond);
        }),
      { seconds, perSecond },
    );
    const { profile } = await cdp.send('Profiler.stop');
    return { changes, contentScriptMs: selfTime(profile, 'content-scripts/gmail.js') };
  } finally {
    await ext.close();
  }
}
