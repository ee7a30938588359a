import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { ROOT } from '../../scripts/lib/launch.mjs';
import { startExtension, type Extension } from './harness';
import { THREAD_A, U0, panel } from './gmail-page';

// The worker answers this extension only: its own pages and its content scripts on Gmail and
// LinkedIn (messaging/sender.ts, unit-tested in tests/unit/messaging/router.test.ts). Here the
// browser itself: what another extension and a web page can send it.
const FOREIGN_DIR = join(ROOT, '.browser-profiles', `foreign-extension-${process.pid}`);

describe('other extensions and web pages cannot reach the worker', () => {
  let ext: Extension;
  let foreign: Worker;

  const dealTitles = async (): Promise<string[]> => {
    const page = await ext.extensionPage('dashboard.html');
    const titles = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('threadline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('deals').objectStore('deals').getAll();
            all.onsuccess = () =>
              resolve((all.result as { title: string }[]).map((deal) => deal.title));
            all.onerror = () => reject(all.error);
          };
        }),
    );
    await page.close();
    return titles;
  };

  beforeAll(async () => {
    mkdirSync(FOREIGN_DIR, { recursive: true });
    writeFileSync(
      join(FOREIGN_DIR, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Some other extension',
        version: '1.0',
        background: { service_worker: 'foreign.js' },
      }),
    );
    writeFileSync(
      join(FOREIGN_DIR, 'foreign.js'),
      '// Another extension, installed beside Threadline.\n',
    );
    ext = await startExtension({
      pages: { [U0]: 'gmail/thread.html' },
      otherExtensions: [FOREIGN_DIR],
    });
    foreign =
      ext.context.serviceWorkers().find((w) => w.url().endsWith('/foreign.js')) ??
      (await ext.context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().endsWith('/foreign.js'),
      }));
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(FOREIGN_DIR, { recursive: true, force: true });
  });

  it('refuses another extension’s messages and change port, and keeps working', async () => {
    const tried = await foreign.evaluate(async (id) => {
      const send = (message: unknown) =>
        chrome.runtime.sendMessage(id, message).then(
          (reply) => `answered ${JSON.stringify(reply)}`,
          (error: Error) => `refused: ${error.message}`,
        );
      const port = await new Promise<string>((resolve) => {
        const port = chrome.runtime.connect(id, { name: 'threadline-changes' });
        port.onMessage.addListener((message) => resolve(`told ${JSON.stringify(message)}`));
        port.onDisconnect.addListener(() => resolve('disconnected'));
        setTimeout(() => resolve('still connected'), 3_000);
      });
      return {
        ping: await send({ type: 'ping' }),
        create: await send({ type: 'deal.create', input: { title: 'From another extension' } }),
        port,
      };
    }, ext.extensionId);
    expect(tried.ping).toMatch(/^refused: /);
    expect(tried.create).toMatch(/^refused: /);
    expect(tried.port).toBe('disconnected');
    expect(await dealTitles()).toEqual([]);
    // Our own pages are still answered.
    const dashboard = await ext.extensionPage('dashboard.html');
    await expect(
      dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' })),
    ).resolves.toMatchObject({ ok: true });
    await dashboard.close();
  });

  it('offers web pages no way in: no externally_connectable, no runtime in the page', async () => {
    const manifest = await ext.inWorker(() => chrome.runtime.getManifest(), null);
    expect(manifest).not.toHaveProperty('externally_connectable');
    await ext.context.route('https://evil.example/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Elsewhere</title><p>A page on another site.</p>',
      }),
    );
    const tries = async (page: Page) =>
      page.evaluate(async (id) => {
        const runtime = (
          globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }
        ).chrome?.runtime;
        // What a page could try without a runtime: talk to the content script's page.
        window.postMessage({ type: 'deal.create', input: { title: 'From a web page' } }, '*');
        document.dispatchEvent(
          new CustomEvent('threadline', {
            detail: { type: 'deal.create', input: { title: 'From a web page' } },
          }),
        );
        let sent = 'no runtime.sendMessage';
        if (typeof runtime?.sendMessage === 'function') {
          sent = await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, {
            type: 'deal.create',
            input: { title: 'From a web page' },
          }).then(
            () => 'answered',
            (error: Error) => `refused: ${error.message}`,
          );
        }
        return { sendMessage: typeof runtime?.sendMessage, connect: typeof runtime?.connect, sent };
      }, ext.extensionId);

    const gmail = await ext.context.newPage();
    await gmail.goto(THREAD_A);
    await panel(gmail).getByRole('button', { name: 'Create deal' }).waitFor();
    const elsewhere = await ext.context.newPage();
    await elsewhere.goto('https://evil.example/');
    for (const page of [gmail, elsewhere]) {
      await expect(tries(page)).resolves.toEqual({
        sendMessage: 'undefined',
        connect: 'undefined',
        sent: 'no runtime.sendMessage',
      });
    }
    await gmail.waitForTimeout(300);
    expect(await dealTitles()).toEqual([]);
    await gmail.close();
    await elsewhere.close();
  });
});
