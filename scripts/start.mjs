// npm start: build the extension and open it in Chromium on the offline demo Gmail.
// npm start -- --screenshot FILE: the same, headless, writing what it shows to a PNG.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { demoRecords, DEMO_LINKEDIN_PAGES } from '../demo/demo-data.mjs';
import { findChromium, missingChromiumMessage } from './lib/chromium.mjs';
import { ROOT, launchWithExtension } from './lib/launch.mjs';
import { runDueCheck, seedRecords } from './lib/seed.mjs';
import { handPanelRootToPage } from './bench/panel-root.mjs';
import { demoRouterScript } from './lib/demo-router.mjs';

/** What the demo opens first: a thread linked to a deal, in the first account. */
const START_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC';

/** The demo's site pages, from the same fixtures the tests use. */
function demoPage(url) {
  const { origin, pathname } = new URL(url);
  if (DEMO_LINKEDIN_PAGES[origin + pathname]) return DEMO_LINKEDIN_PAGES[origin + pathname];
  if (pathname.startsWith('/__demo/gmail/'))
    return `gmail/${pathname.slice('/__demo/gmail/'.length).replace(/[^\w.-]/g, '')}`;
  if (/^\/mail\/u\/0\/?$/.test(pathname)) return 'gmail/inbox.html';
  return undefined;
}

/**
 * Waits until the page's panel shows a deal with its stage select. The panel's shadow root is
 * closed, so locators cannot see into it; the DevTools protocol hands it to the page for the
 * check, as the bench does (only here, on the offline demo).
 */
async function dealDrawn(page) {
  const deadline = Date.now() + 10_000;
  while (!(await handPanelRootToPage(page, '__threadlineDemoPanel'))) {
    if (Date.now() > deadline) fail('The demo page shows no Threadline panel.');
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(
    () => globalThis.__threadlineDemoPanel.querySelector('.tl-deal select'),
    null,
    { timeout: 10_000 },
  );
}

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : null;
if (shotIndex >= 0 && !screenshot)
  fail('--screenshot needs a file name, e.g. npm start -- --screenshot demo.png');

const { path: chromiumPath, looked } = findChromium();
if (!chromiumPath) fail(missingChromiumMessage(looked));
if (
  !screenshot &&
  process.platform === 'linux' &&
  !process.env.DISPLAY &&
  !process.env.WAYLAND_DISPLAY
) {
  fail(
    'There is no display to open a browser window on. Run `xvfb-run -a npm start`, or `npm start -- --screenshot demo.png` to write what the demo shows to a PNG.',
  );
}

const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) fail('The build failed (see above).');

const ext = await launchWithExtension({ headless: Boolean(screenshot), pages: demoPage });
const router = demoRouterScript();
await ext.context.addInitScript(`if (location.host === 'mail.google.com') {${router}}`);

// The sample pipeline goes in through one of the extension's own pages.
const setup = await ext.context.newPage();
await setup.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
const records = demoRecords();
for (const [table, rows] of Object.entries(records)) await seedRecords(setup, table, rows);
await runDueCheck(ext.worker);

// LinkedIn in a second tab: Aino's profile, linked to the same deal as the Gmail thread.
const linkedin = await ext.context.newPage();
await linkedin.goto(Object.keys(DEMO_LINKEDIN_PAGES)[0]);
const page =
  ext.context.pages().find((p) => p.url() === 'about:blank') ?? (await ext.context.newPage());
await page.goto(START_URL);
await page.bringToFront();
await setup.close();

if (screenshot) {
  await dealDrawn(page);
  await page.waitForTimeout(500);
  const file = resolve(process.cwd(), screenshot);
  await page.screenshot({ path: file });
  console.log(`Wrote ${file}`);
  const linkedinFile = file.replace(/(\.png)?$/i, '-linkedin.png');
  await dealDrawn(linkedin);
  await linkedin.screenshot({ path: linkedinFile });
  console.log(`Wrote ${linkedinFile}`);
  await ext.close();
} else {
  console.log(
    `Threadline is open in ${chromiumPath} on a demo Gmail, with LinkedIn in the next tab.`,
  );
  console.log(`Also try: ${Object.keys(DEMO_LINKEDIN_PAGES).slice(1).join('  ')}`);
  console.log('Close the browser window to stop.');
  await new Promise((done) => ext.context.on('close', done));
  await ext.close();
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
