import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, missingChromiumMessage } from './chromium.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(ROOT, process.env.THREADLINE_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');

// The hosts our content scripts run on. Requests to them are answered from fixture files;
// every other request is refused, so nothing a test or the demo does reaches a network.
export const SITE_HOSTS = ['https://mail.google.com/**', 'https://www.linkedin.com/**'];

/**
 * Answers a request for a site page from `pages`: a map from a URL's origin + path (no hash,
 * no query) to a fixture file under tests/fixtures, or a function returning such a path.
 * A Gmail view other than the app itself (`?view=pt`, the print view) has its own key:
 * origin + path + "?view=pt".
 */
export function fixtureResponder(pages) {
  return (url) => {
    const { origin, pathname, searchParams } = new URL(url);
    const view = searchParams.get('view');
    const key = origin + pathname + (view ? `?view=${view}` : '');
    const file = typeof pages === 'function' ? pages(url) : pages[key];
    if (!file)
      return {
        status: 404,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Not found</title><h1>Not found</h1>',
      };
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(FIXTURES_DIR, file)),
    };
  };
}

/**
 * Starts Chromium with the built extension loaded, as tests and `npm start` need it.
 * Returns the context, the extension's service worker and id, and close().
 */
export async function launchWithExtension({
  extensionDir = EXTENSION_DIR,
  otherExtensions = [],
  headless = true,
  pages = {},
  viewport,
  language,
  colorScheme,
  allowOrigins = [],
} = {}) {
  const { path, looked } = findChromium();
  if (!path) throw new Error(missingChromiumMessage(looked));
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run npm run build`);
  const profileDir = join(
    ROOT,
    '.browser-profiles',
    `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  );
  mkdirSync(profileDir, { recursive: true });
  // Tests may load other extensions beside ours (`otherExtensions`, unpacked folders).
  const loaded = [extensionDir, ...otherExtensions].join(',');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: path,
    headless,
    viewport: viewport ?? { width: 1280, height: 800 },
    ...(colorScheme ? { colorScheme } : {}),
    ...(language ? { locale: language } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
      // The browser's UI language is the one the extension's strings follow.
      ...(language ? [`--lang=${language}`] : []),
    ],
  });
  const respond = fixtureResponder(pages);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue();
    // A server the test itself runs on this computer (a team's CouchDB stand-in).
    if (allowOrigins.some((origin) => url.startsWith(`${origin}/`))) return route.continue();
    const isSite = SITE_HOSTS.some((pattern) => url.startsWith(pattern.replace('/**', '/')));
    return isSite ? route.fulfill(respond(url)) : route.abort('blockedbyclient');
  });
  const ours = (worker) => worker.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
