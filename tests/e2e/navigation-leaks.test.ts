import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { THREAD_A, THREAD_B, U0, panel } from './gmail-page';

// Gmail and LinkedIn never reload: a rep may move between hundreds of threads and profiles in
// one page. Each move must leave nothing behind in the page: no event listener, no observer.
// Counted by the browser itself after a garbage collection: the renderer's JavaScript event
// listeners (every world's: the page's, ours, the test driver's) and the observer objects alive
// in our content script's world.
const NAVIGATIONS = 500;
const CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzYjQtMDAxMS00YTIyLWI5ZTMtNGQ1ZjZhN2I4Yzlk/';
const WARM_UP = 32;

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');

interface Counts {
  listeners: number;
  observers: number;
}

/** What the page holds now, after a full garbage collection. */
async function counts(cdp: CDPSession, contentScriptWorld: number): Promise<Counts> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  let observers = 0;
  for (const kind of [
    'MutationObserver',
    'ResizeObserver',
    'IntersectionObserver',
    'PerformanceObserver',
  ]) {
    const { result: prototype } = await cdp.send('Runtime.evaluate', {
      expression: `${kind}.prototype`,
      contextId: contentScriptWorld,
      objectGroup: 'leaks',
    });
    const { objects } = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.objectId!,
      objectGroup: 'leaks',
    });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId!,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    observers += result.value as number;
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'leaks' });
  return { listeners: jsEventListeners, observers };
}

/** The page's DevTools session and the id of our content script's world in its main frame. */
async function inspect(
  page: Page,
  extensionId: string,
): Promise<{ cdp: CDPSession; world: number }> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  await cdp.send('HeapProfiler.enable');
  const world = worlds.find(
    (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`,
  );
  if (!world) throw new Error('The content script’s world was not found');
  return { cdp, world: world.id };
}

/**
 * `count` navigations in the page, round the views in turn, each as the site's router does it
 * (the address changes, the view's markup replaces the old, our panel's host stays), the next
 * once the content script has had `settleMs` to follow.
 */
function navigate(
  page: Page,
  views: { hash?: string; path?: string; html: string }[],
  count: number,
  settleMs: number,
): Promise<void> {
  return page.evaluate(
    async ({ views, count, settleMs }) => {
      const parsed = views.map((view) => ({
        ...view,
        doc: new DOMParser().parseFromString(view.html, 'text/html'),
      }));
      for (let i = 0; i < count; i++) {
        const view = parsed[i % parsed.length]!;
        if (view.hash !== undefined) location.hash = view.hash;
        if (view.path !== undefined) history.pushState({}, '', view.path);
        document.title = view.doc.title;
        const host = document.querySelector('threadline-panel');
        document.body.replaceChildren(
          ...Array.from(view.doc.body.childNodes).map((n) => document.importNode(n, true)),
        );
        if (host) document.body.append(host);
        await new Promise((resolve) => setTimeout(resolve, settleMs));
      }
    },
    { views, count, settleMs },
  );
}

describe(`${NAVIGATIONS} navigations leave no listener or observer behind`, () => {
  let ext: Extension;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ext = await startExtension({
      pages: {
        [U0]: 'gmail/thread.html',
        'https://www.linkedin.com/in/aino-virtanen/': 'linkedin/profile.html',
      },
    });
    const dashboard = await ext.extensionPage('dashboard.html');
    await dashboard.evaluate(
      (input) => chrome.runtime.sendMessage({ type: 'deal.create', input }),
      {
        title: 'Acme: 40 seats',
        links: [
          {
            kind: 'gmail-thread',
            account: 'maria.rep@northwind.fi',
            externalId: 'thread-f:1790123456789012345',
            label: 'Pricing',
          },
        ],
      },
    );
    await dashboard.close();
  });
  beforeEach(() => {
    pageErrors = [];
  });
  // However many navigations a test made, no error reached its page.
  afterEach(() => expect(pageErrors).toEqual([]));
  afterAll(() => ext?.close());

  it('in Gmail, between a linked thread, an unlinked one and the inbox', async () => {
    const page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(THREAD_A);
    await panel(page).getByLabel('Stage').waitFor();
    // Four views, so that every run of navigations (a multiple of four) ends on the linked thread.
    const views = [
      { hash: THREAD_B.split('#')[1]!, html: fixture('gmail/thread-b.html') },
      { hash: 'inbox', html: fixture('gmail/inbox.html') },
      { hash: 'search/acme', html: fixture('gmail/inbox.html') },
      { hash: THREAD_A.split('#')[1]!, html: fixture('gmail/thread.html') },
    ];
    const { cdp, world } = await inspect(page, ext.extensionId);
    await navigate(page, views, WARM_UP, 40);
    await panel(page).getByLabel('Stage').waitFor();
    await page.waitForTimeout(500);
    const before = await counts(cdp, world);
    await navigate(page, views, NAVIGATIONS, 40);
    // The last view is the linked thread again, as it was when first counted.
    await panel(page).getByLabel('Stage').waitFor();
    await page.waitForTimeout(500);
    const after = await counts(cdp, world);
    expect(after.observers).toBe(before.observers);
    expect(after.listeners - before.listeners).toBeLessThanOrEqual(2);
    await page.close();
  }, 180_000);

  it('on LinkedIn, between profiles and the feed', async () => {
    const page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto('https://www.linkedin.com/in/aino-virtanen/');
    await panel(page).getByRole('button', { name: 'Add prospect' }).waitFor();
    const profile = fixture('linkedin/profile.html');
    // Four views, so that every run of navigations (a multiple of four) ends on Aino's profile.
    const views = [
      {
        path: '/in/jussi-korhonen/',
        html: profile
          .replaceAll('aino-virtanen', 'jussi-korhonen')
          .replaceAll('Aino Virtanen', 'Jussi Korhonen'),
      },
      {
        path: '/feed/',
        html: '<!doctype html><title>Feed | LinkedIn</title><main class="scaffold-layout__main"><p>Feed</p></main>',
      },
      { path: new URL(CONVERSATION).pathname, html: fixture('linkedin/messaging.html') },
      { path: '/in/aino-virtanen/', html: profile },
    ];
    const { cdp, world } = await inspect(page, ext.extensionId);
    await navigate(page, views, WARM_UP, 40);
    await panel(page).getByRole('button', { name: 'Add prospect' }).waitFor();
    await page.waitForTimeout(500);
    const before = await counts(cdp, world);
    await navigate(page, views, NAVIGATIONS, 40);
    await panel(page).getByRole('button', { name: 'Add prospect' }).waitFor();
    await page.waitForTimeout(500);
    const after = await counts(cdp, world);
    expect(after.observers).toBe(before.observers);
    expect(after.listeners - before.listeners).toBeLessThanOrEqual(2);
    await page.close();
  }, 180_000);

  it('with no error reaching either page', async () => {
    // A round of each site's views, the panel drawn at the end of each.
    const gmail = await ext.context.newPage();
    gmail.on('pageerror', (error) => pageErrors.push(error.message));
    await gmail.goto(THREAD_A);
    await panel(gmail).getByLabel('Stage').waitFor();
    await navigate(
      gmail,
      [
        { hash: THREAD_B.split('#')[1]!, html: fixture('gmail/thread-b.html') },
        { hash: 'inbox', html: fixture('gmail/inbox.html') },
        { hash: THREAD_A.split('#')[1]!, html: fixture('gmail/thread.html') },
      ],
      3,
      40,
    );
    await panel(gmail).getByLabel('Stage').waitFor();
    const linkedin = await ext.context.newPage();
    linkedin.on('pageerror', (error) => pageErrors.push(error.message));
    await linkedin.goto('https://www.linkedin.com/in/aino-virtanen/');
    await panel(linkedin).getByRole('button', { name: 'Add prospect' }).waitFor();
    await Promise.all([gmail.close(), linkedin.close()]);
    expect(pageErrors).toEqual([]);
  });
});
