import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT } from '../../scripts/lib/launch.mjs';
import {
  FIREFOX_EXTENSION_DIR,
  launchFirefoxWithExtension,
  type BidiConnection,
} from '../../scripts/lib/firefox.mjs';
import { Panel } from './panel';

export interface FirefoxExtension {
  browser: Browser;
  connection: BidiConnection;
  /** Where the extension's downloads (backups, CSV) land. */
  downloadDir: string;
  /** Site URL (origin + path) → fixture file: change it to serve another page next. */
  pages: Record<string, string>;
  /** A new tab at a site URL, answered from the fixtures. */
  openSite(url: string): Promise<Page>;
  /** Opens one of the extension's pages, e.g. "dashboard.html#board". */
  extensionPage(path: string): Promise<Page>;
  /** The panel on a site page. */
  panel(page: Page): Panel;
  /** Runs a function in an extension page (the extension's APIs, its origin's IndexedDB). */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

/** Launches Firefox with the Firefox build installed (building it first if there is none). */
export async function startFirefox(
  options: { pages?: Record<string, string>; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    execSync('npx wxt build -b firefox', { cwd: ROOT, stdio: 'inherit' });
  }
  const pages = { ...options.pages };
  const launched = await launchFirefoxWithExtension({ pages, prefs: options.prefs ?? {} });
  let control: Page | null = null;
  return {
    browser: launched.browser,
    connection: launched.connection,
    downloadDir: launched.downloadDir,
    pages,
    openSite: (url) => launched.openSitePage(url),
    extensionPage: (path) => launched.openExtensionPage(path),
    panel: (page) => new Panel(launched.connection, page),
    async inExtension(fn, arg) {
      control ??= await launched.openExtensionPage('popup.html');
      return control.evaluate(fn as never, arg) as never;
    },
    close: launched.close,
  };
}

/** Asks the background as the extension's pages do (Firefox's promise-based `browser`). */
export function ask<T = unknown>(
  ext: FirefoxExtension,
  request: Record<string, unknown>,
): Promise<{ ok: boolean; data: T }> {
  return ext.inExtension(
    (request) =>
      (
        globalThis as unknown as {
          browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).browser.runtime.sendMessage(request),
    request,
  ) as Promise<{ ok: boolean; data: T }>;
}
