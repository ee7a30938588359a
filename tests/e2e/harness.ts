import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { EXTENSION_DIR, ROOT, launchWithExtension } from '../../scripts/lib/launch.mjs';
import { openPanelToDriver } from './panel-access';

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens one of the extension's pages, e.g. "dashboard.html". */
  extensionPage(path: string): Promise<Page>;
  /** Site URL (origin + path) → fixture file: change it to serve another page next. */
  pages: Record<string, string>;
  /** Runs a function in the extension's service worker. */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Site URL (origin + path) → fixture file under tests/fixtures. */
  pages?: Record<string, string>;
  /** The browser's UI language, e.g. "tr". */
  language?: string;
  /** Unpacked extensions to load beside ours. */
  otherExtensions?: string[];
}

/** Launches Chromium with the built extension (building it first if there is none). */
export async function startExtension(options: StartOptions = {}): Promise<Extension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  }
  const pages = { ...options.pages };
  const launched = await launchWithExtension({
    pages,
    ...(options.language ? { language: options.language } : {}),
    ...(options.otherExtensions ? { otherExtensions: options.otherExtensions } : {}),
  });
  const { context, worker, extensionId } = launched;
  // The panel's shadow root is closed: tests reach it through the DevTools protocol.
  await openPanelToDriver(context);
  return {
    context,
    worker,
    extensionId,
    pages,
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    inWorker: (fn, arg) => worker.evaluate(fn as never, arg) as never,
    close: launched.close,
  };
}

/** Switches the dashboard to one of its views by its tab, as the rep does. */
export async function openView(
  dashboard: Page,
  view: 'queue' | 'board' | 'metrics' | 'deals' | 'settings' | 'data',
): Promise<void> {
  await dashboard.locator(`nav.tabs a[href="#${view}"]`).click();
  await dashboard.locator(`#${view}`).waitFor();
}
