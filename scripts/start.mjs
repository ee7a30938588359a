// npm start: build the extension and open it in Chromium on the offline demo.
// npm start -- --screenshot FILE: the same, headless, writing what it shows to a PNG.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findChromium, missingChromiumMessage } from './lib/chromium.mjs';
import { ROOT, launchWithExtension } from './lib/launch.mjs';

/** What the demo opens first. */
const START_PATH = 'dashboard.html';
/** Site pages the demo answers from fixtures (none yet beyond the extension's own pages). */
const DEMO_PAGES = {};

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : null;
if (shotIndex >= 0 && !screenshot) fail('--screenshot needs a file name, e.g. npm start -- --screenshot demo.png');

const { path: chromiumPath, looked } = findChromium();
if (!chromiumPath) fail(missingChromiumMessage(looked));
if (!screenshot && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('There is no display to open a browser window on. Run `xvfb-run -a npm start`, or `npm start -- --screenshot demo.png` to write what the demo shows to a PNG.');
}

const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) fail('The build failed (see above).');

const ext = await launchWithExtension({ headless: Boolean(screenshot), pages: DEMO_PAGES });
const page = ext.context.pages()[0] ?? (await ext.context.newPage());
await page.goto(`chrome-extension://${ext.extensionId}/${START_PATH}`);

if (screenshot) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const file = resolve(process.cwd(), screenshot);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`Wrote ${file}`);
  await ext.close();
} else {
  console.log(`Threadline is open in ${chromiumPath}. Close the browser window to stop.`);
  await new Promise((done) => ext.context.on('close', done));
  await ext.close();
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
