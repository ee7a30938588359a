import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  request,
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { THREAD_A, THREAD_B, U0, panel } from './gmail-page';
import { panelRoot } from './panel-access';

// Gmail's own scripts (or anything injected into Gmail's page) run in the page's world: they
// see the DOM, the panel's host element included, and can call .click() or dispatchEvent on
// whatever they can reach. The panel's shadow root is closed and it acts only on events the
// browser made from the rep's own input.
describe("Gmail: the panel is the rep's alone", () => {
  let ext: Extension;
  let seeded: StoredState;
  let pageErrors: string[] = [];
  const KEY_B = 'gmail:maria.rep@northwind.fi:thread-f:1790123456700000001';
  const SECRET = 'Acme renewal: board-only pricing';

  const forKey = async (key: string) => {
    const reply = await request(ext, { type: 'deal.forKey', key });
    return (reply as { data: { deal: { title: string } } | null }).data;
  };
  const open = async (url: string, fixture: string): Promise<Page> => {
    ext.pages[U0] = fixture;
    const page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/thread.html' } });
    const dashboard = await ext.extensionPage('dashboard.html');
    await dashboard.evaluate(
      (input) => chrome.runtime.sendMessage({ type: 'deal.create', input }),
      {
        title: SECRET,
        company: 'Acme Oy',
        value: 98_000,
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
    seeded = await snapshotStored(ext);
  });
  // Each test starts from the one deal above, thread B unlinked, and no tab open.
  beforeEach(async () => {
    await restoreStored(ext, seeded);
    pageErrors = [];
  });
  // Whatever the page tried, no error reached it.
  afterEach(() => expect(pageErrors).toEqual([]));
  afterAll(() => ext?.close());

  it("keeps the deal card from the page's scripts", async () => {
    const page = await open(THREAD_A, 'gmail/thread.html');
    // The rep sees the deal.
    await panel(page).getByText(SECRET).waitFor();
    const seen = await page.evaluate(() => {
      const host = document.querySelector('threadline-panel')!;
      // Every open shadow root the page can walk to.
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const element of roots[i]!.querySelectorAll('*'))
          if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      getSelection()!.selectAllChildren(document.body);
      const texts = [
        document.documentElement.outerHTML,
        document.body.innerText,
        host.textContent ?? '',
        getSelection()!.toString(),
        ...roots.slice(1).map((root) => (root as ShadowRoot).innerHTML),
      ];
      getSelection()!.removeAllRanges();
      const box = host.getBoundingClientRect();
      const underPointer = document.elementFromPoint(
        box.left + box.width / 2,
        box.top + Math.min(box.height / 2, 80),
      );
      return {
        shadowRoot: host.shadowRoot === null ? 'none' : 'open',
        text: texts.join('\n'),
        underPointer: underPointer === host ? 'the host' : (underPointer?.localName ?? 'nothing'),
      };
    });
    expect(seen.shadowRoot).toBe('none');
    expect(seen.text).not.toContain('board-only');
    expect(seen.text).not.toMatch(/98[\s,.]?000/);
    expect(seen.underPointer).toBe('the host');
    await page.close();
  });

  it('creates no deal from clicks and key presses the page makes up, and one from the rep’s', async () => {
    const page = await open(THREAD_B, 'gmail/thread-b.html');
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).waitFor();
    // The audit's attack: find "Create deal", click it, then "Save deal". And what is left to a
    // page that cannot see in: clicks and keys aimed at the host and at where the buttons show.
    const attack = await page.evaluate(async () => {
      const host = document.querySelector('threadline-panel')!;
      const root = host.shadowRoot;
      const button = (name: string) =>
        [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name);
      button('Create deal')?.click();
      await new Promise((resolve) => setTimeout(resolve, 100));
      button('Save deal')?.click();
      const box = host.getBoundingClientRect();
      for (let y = box.top + 5; y < box.bottom; y += 10) {
        const x = box.left + box.width / 2;
        for (const target of [host, document.elementFromPoint(x, y)]) {
          target?.dispatchEvent(
            new MouseEvent('click', {
              bubbles: true,
              composed: true,
              cancelable: true,
              clientX: x,
              clientY: y,
            }),
          );
          for (const key of ['Enter', ' '])
            target?.dispatchEvent(
              new KeyboardEvent('keydown', {
                key,
                bubbles: true,
                composed: true,
                cancelable: true,
              }),
            );
        }
      }
      (host as HTMLElement).click();
      return { reachedButtons: button('Create deal') !== undefined };
    });
    expect(attack.reachedButtons).toBe(false);
    await page.waitForTimeout(300);
    await expect(p.getByRole('form', { name: 'Create deal' }).count()).resolves.toBe(0);
    expect(await forKey(KEY_B)).toBeNull();

    // The rep's own clicks (Playwright's are the browser's real input events) work.
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await p.getByLabel('Stage').waitFor();
    expect((await forKey(KEY_B))?.deal.title).toBe('Intro: Globex data platform');
    // A click on a checkbox's label: the browser clicks the box for the rep, and that counts too.
    await p.getByText('Decision-making contact found').click();
    await expect
      .poll(() => p.getByText('Decision-making contact found').count(), { timeout: 3_000 })
      .toBe(0);
    await page.close();
  });

  it('ignores made-up events even where the page holds the panel’s elements', async () => {
    // Thread B is unlinked, so that it offers "Create deal".
    expect(await forKey(KEY_B)).toBeNull();
    const page = await open(THREAD_B, 'gmail/thread-b.html');
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).waitFor();
    // As it could while the root was open: the page is handed the panel's root element.
    await panelRoot(page).evaluate((root) => {
      (window as unknown as { leaked: Element }).leaked = root;
    });
    const button = (name: string) =>
      page.evaluate((name) => {
        const root = (window as unknown as { leaked: Element }).leaked;
        const found = [...root.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === name,
        );
        found?.click();
        return found !== undefined;
      }, name);

    expect(await button('Create deal')).toBe(true);
    await page.waitForTimeout(200);
    await expect(p.getByRole('form', { name: 'Create deal' }).count()).resolves.toBe(0);

    await p.getByRole('button', { name: 'Create deal' }).click();
    const form = p.getByRole('form', { name: 'Create deal' });
    await form.waitFor();
    await page.evaluate(() => {
      const root = (window as unknown as { leaked: Element }).leaked;
      const title = root.querySelector<HTMLInputElement>('form input')!;
      title.value = 'Hijacked';
      title.dispatchEvent(new Event('input', { bubbles: true }));
      title.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      const form = root.querySelector('form')!;
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      form.requestSubmit();
    });
    expect(await button('Save deal')).toBe(true);
    await page.waitForTimeout(300);
    expect(await forKey(KEY_B)).toBeNull();

    // The rep saves, with Enter in the title: the title is the rep's, not the page's.
    await form.getByLabel('Deal', { exact: true }).fill('Globex: data platform');
    await form.getByLabel('Deal', { exact: true }).press('Enter');
    await p.getByLabel('Stage').waitFor();
    expect((await forKey(KEY_B))?.deal.title).toBe('Globex: data platform');
    await page.close();
  });

  it('keeps its look whatever the page’s style sheets say, and lends the page none of its own', async () => {
    const page = await open(THREAD_A, 'gmail/thread.html');
    const button = panel(page).getByRole('button', { name: 'Log a touch…' });
    await button.waitFor();
    const look = () =>
      button.evaluate((b) => {
        const style = getComputedStyle(b);
        return [
          style.color,
          style.backgroundColor,
          style.fontSize,
          style.fontFamily,
          style.display,
          b.getBoundingClientRect().height,
        ].join(' | ');
      });
    const before = await look();
    const lent = await page.evaluate(() => {
      const plain = document.body.appendChild(document.createElement('button'));
      const named = document.body.appendChild(document.createElement('button'));
      named.className = 'tl-primary tl-secondary tl-link';
      const [a, b] = [getComputedStyle(plain), getComputedStyle(named)];
      const same = ['color', 'backgroundColor', 'fontSize', 'borderTopWidth', 'paddingTop'].every(
        (p) => a[p as 'color'] === b[p as 'color'],
      );
      plain.remove();
      named.remove();
      return same;
    });
    expect(lent).toBe(true);
    await page.addStyleTag({
      content:
        '* { color: rgb(255, 0, 0) !important; background: rgb(0, 255, 0) !important; font: 40px serif !important; } button { display: block !important; }',
    });
    await expect(look()).resolves.toBe(before);
    await page.close();
  });

  it('never let an error reach Gmail’s page', async () => {
    // A linked thread and an unlinked one, each with its panel drawn.
    const linked = await open(THREAD_A, 'gmail/thread.html');
    await panel(linked).getByText(SECRET).waitFor();
    const unlinked = await open(THREAD_B, 'gmail/thread-b.html');
    await panel(unlinked).getByRole('button', { name: 'Create deal' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
