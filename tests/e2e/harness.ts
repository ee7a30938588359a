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
  /** Another build of the extension to load instead of the one in EXTENSION_DIR. */
  extensionDir?: string;
  /** Loopback origins the test serves itself; requests to them reach it. */
  allowOrigins?: string[];
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
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    ...(options.allowOrigins ? { allowOrigins: options.allowOrigins } : {}),
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
  view: 'queue' | 'board' | 'metrics' | 'objections' | 'deals' | 'settings' | 'data',
): Promise<void> {
  await dashboard.locator(`nav.tabs a[href="#${view}"]`).click();
  await dashboard.locator(`#${view}`).waitFor();
}

/** What the extension has stored: every table of its database and its chrome.storage.local. */
export interface StoredState {
  tables: Record<string, unknown[]>;
  local: Record<string, unknown>;
}

/** Reads everything the extension has stored, to go back to it later with restoreStored. */
export function snapshotStored(ext: Extension): Promise<StoredState> {
  return ext.inWorker(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('threadline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const tables: Record<string, unknown[]> = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => resolve(void (tables[name] = all.result));
            all.onerror = () => reject(all.error);
          }),
      ),
    );
    db.close();
    return { tables, local: await chrome.storage.local.get(null) };
  }, undefined);
}

/**
 * Puts the extension back to a stored state (snapshotStored), so that a test starts from what
 * it sets up itself and not from what the test before it left: every table is emptied and
 * refilled, chrome.storage.local replaced, and every tab but `keep` closed.
 */
export async function restoreStored(
  ext: Extension,
  state: StoredState,
  keep: Page[] = [],
): Promise<void> {
  const requester = requesters.get(ext);
  await Promise.all(
    ext.context
      .pages()
      .filter((page) => !keep.includes(page) && page !== requester)
      .map((page) => page.close()),
  );
  await ext.inWorker(async (state) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('threadline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) {
        const store = tx.objectStore(name);
        store.clear();
        for (const record of state.tables[name] ?? []) store.put(record);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    await chrome.storage.local.clear();
    await chrome.storage.local.set(state.local);
  }, state);
}

/** One extension page per browser, kept open, that sends the tests' typed requests. */
const requesters = new WeakMap<Extension, Page>();

/**
 * Sends a typed request to the worker from an extension page, as the dashboard does; the page
 * stays open between calls (and through restoreStored), so a request costs no page load.
 */
export async function request<T = unknown>(ext: Extension, message: object): Promise<T> {
  const page = await requestPage(ext);
  return (await page.evaluate((message) => chrome.runtime.sendMessage(message), message)) as T;
}

/** The extension page `request` sends from, e.g. to seed records with seed.ts's seedRecords. */
export async function requestPage(ext: Extension): Promise<Page> {
  let page = requesters.get(ext);
  if (!page || page.isClosed()) {
    page = await ext.extensionPage('popup.html');
    requesters.set(ext, page);
  }
  return page;
}
