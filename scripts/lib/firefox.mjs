import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, SITE_HOSTS, fixtureResponder } from './launch.mjs';

export const FIREFOX_EXTENSION_DIR = join(
  ROOT,
  process.env.THREADLINE_OUT_DIR ?? '.output',
  'firefox-mv3',
);
/** The add-on's id, as the Firefox build's manifest declares it. */
export const GECKO_ID = 'threadline@threadline.app';
/**
 * Firefox gives each installed add-on a random moz-extension:// host; the profile's
 * `extensions.webextensions.uuids` preference fixes it, so that tests can open its pages.
 */
export const EXTENSION_UUID = '7d3c1f52-0b4e-4a39-9c61-2e8f5a0d6b14';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The Firefox to drive: FIREFOX_PATH when set, else the first one found. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return { path: existsSync(fromEnv) ? fromEnv : null, looked: [fromEnv] };
  return {
    path: CANDIDATES.find((candidate) => existsSync(candidate)) ?? null,
    looked: CANDIDATES,
  };
}

export function missingFirefoxMessage(looked) {
  return [
    'Threadline’s Firefox tests need Firefox (ESR 140 or later), and found none.',
    `Looked for: ${looked.join(', ')}`,
    '',
    'Install it:   sudo apt-get update && sudo apt-get install -y firefox-esr   (Debian/Ubuntu; CI does this)',
    'Or point at one:   FIREFOX_PATH=/path/to/firefox npm test',
  ].join('\n');
}

const isSite = (url) => SITE_HOSTS.some((pattern) => url.startsWith(pattern.replace('/**', '/')));

/** The WebDriver BiDi browsing context of a page's main frame. */
export const contextOf = (page) => page.mainFrame()._id;

/**
 * Starts Firefox over WebDriver BiDi with the Firefox build installed as a temporary add-on.
 * Site pages opened with `openSitePage` are answered from fixture files (`pages`, as in
 * the Chromium launcher); every other web request is refused. Files the extension downloads
 * land in `downloadDir`. `prefs` adds Firefox preferences to the profile.
 */
export async function launchFirefoxWithExtension({
  extensionDir = FIREFOX_EXTENSION_DIR,
  pages = {},
  headless = true,
  prefs = {},
} = {}) {
  const { path, looked } = findFirefox();
  if (!path) throw new Error(missingFirefoxMessage(looked));
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build in ${extensionDir}: run npm run build:firefox`);
  const profileDir = join(
    ROOT,
    '.browser-profiles',
    `firefox-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  );
  const downloadDir = join(profileDir, 'downloads');
  mkdirSync(downloadDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: path,
    headless,
    // The Chromium tests' window size: Gmail's layout and the docked panel as they see them.
    defaultViewport: { width: 1280, height: 800 },
    userDataDir: profileDir,
    // Lets the driver open the extension's own moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
      // Firefox's own notification windows, which stay until closed (headless has no system ones).
      'alerts.useSystemBackend': false,
      // A test's own (tests/firefox/team-sync.test.ts answers the permission prompt this way).
      ...prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
  const respond = fixtureResponder(pages);

  async function openSitePage(url) {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const target = request.url();
      if (isSite(target)) {
        const { status, contentType, body } = respond(target);
        void request.respond({ status, contentType, body }).catch(() => {});
      } else if (/^https?:/.test(target)) void request.abort('blockedbyclient').catch(() => {});
      else void request.continue().catch(() => {});
    });
    if (url) await page.goto(url);
    return page;
  }

  /** Opens one of the extension's pages, e.g. "dashboard.html#board", once it has loaded. */
  async function openExtensionPage(path) {
    const page = await browser.newPage();
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // Puppeteer's goto waits for a navigation event that a switch to the extension's
    // process does not send; ask BiDi directly and wait for the page itself.
    await browser.connection.send('browsingContext.navigate', {
      context: contextOf(page),
      url,
      wait: 'none',
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await page
        .evaluate(
          (origin) => location.origin === origin && document.readyState === 'complete',
          EXTENSION_ORIGIN,
        )
        .catch(() => false);
      if (ready) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    browser,
    connection: browser.connection,
    downloadDir,
    openSitePage,
    openExtensionPage,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
