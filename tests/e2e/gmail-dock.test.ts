import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import { THREAD_A, panel } from './gmail-page';

type Box = { x: number; y: number; width: number; height: number };

// What the rep reads and works with in Gmail: none of it may lie under the panel.
const MESSAGE_BODIES = 'div.a3s';
const SUBJECT = 'h2.hP';
const THREAD_TOOLBAR = '[gh=tm]';
const COMPOSE_WINDOW = 'div.dw [role=dialog]';
const CONTENT = 'div.nH.bkK';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 &&
  b.x < a.x + a.width - 1 &&
  a.y < b.y + b.height - 1 &&
  b.y < a.y + a.height - 1;

/** The boxes of every element a selector matches in Gmail's page (not in the panel). */
function boxesOf(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll(selector), (element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      }).filter((box) => box.width > 0 && box.height > 0),
    selector,
  );
}

/** Asserts that each selector matches something visible and none of it is under `box`. */
async function expectClearOf(page: Page, box: Box, selectors: string[]): Promise<void> {
  for (const selector of selectors) {
    const boxes = await boxesOf(page, selector);
    expect(boxes.length, `${selector} is on the page`).toBeGreaterThan(0);
    for (const other of boxes)
      expect(
        overlaps(box, other),
        `${selector} ${JSON.stringify(other)} lies under the panel ${JSON.stringify(box)}`,
      ).toBe(false);
  }
}

const docked = (page: Page, state: 'open' | 'folded') =>
  page.locator(`threadline-panel[data-tl-dock="${state}"]`).waitFor({ state: 'attached' });
const contentWidth = async (page: Page) => (await boxesOf(page, CONTENT))[0]!.width;

describe('Gmail: the panel docks beside the mail, never over it', () => {
  let ext: Extension;
  let fresh: StoredState;
  let pageErrors: string[] = [];
  let warnings: string[] = [];

  const open = async (fixture: string, viewport = { width: 1280, height: 800 }): Promise<Page> => {
    ext.pages['https://mail.google.com/mail/u/0/'] = fixture;
    const page = await ext.context.newPage();
    await page.setViewportSize(viewport);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on(
      'console',
      (m) => m.type() === 'warning' && m.text().startsWith('Threadline') && warnings.push(m.text()),
    );
    await page.goto(THREAD_A);
    await panel(page)
      .getByRole('heading', { name: /Pricing for 40 seats/ })
      .waitFor();
    return page;
  };

  /** The whole flow on one fixture: docked and clear of the mail, folded, unfolded. */
  const dockFoldUnfold = async (fixture: string, mustStayClear: string[]) => {
    const page = await open(fixture);
    await docked(page, 'open');
    const open_ = (await panel(page).boundingBox())!;
    expect(open_.width).toBeGreaterThanOrEqual(280);
    await expectClearOf(page, open_, mustStayClear);
    const narrowed = await contentWidth(page);

    await panel(page).getByRole('button', { name: 'Fold the panel' }).click();
    await docked(page, 'folded');
    // Folded to its tab, the panel gives the room back: the content widens by nearly all of it.
    await expect.poll(() => contentWidth(page)).toBeGreaterThanOrEqual(narrowed + 270);
    const tab = (await panel(page).getByRole('button', { name: 'Show the panel' }).boundingBox())!;
    await expectClearOf(page, tab, mustStayClear);
    await expectClearOf(page, (await panel(page).boundingBox())!, mustStayClear);

    await panel(page).getByRole('button', { name: 'Show the panel' }).click();
    await docked(page, 'open');
    await expect.poll(() => contentWidth(page)).toBe(narrowed);
    return page;
  };

  beforeAll(async () => {
    ext = await startExtension();
    fresh = await snapshotStored(ext);
  });
  // Each test starts with the panel unfolded, as freshly installed, and no tab open.
  beforeEach(async () => {
    await restoreStored(ext, fresh);
    pageErrors = [];
    warnings = [];
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(warnings).toEqual([]);
  });
  afterAll(() => ext?.close());

  it('narrows the conversation beside it, and gives the room back when folded', async () => {
    const page = await dockFoldUnfold('gmail/thread.html', [
      MESSAGE_BODIES,
      SUBJECT,
      THREAD_TOOLBAR,
      CONTENT,
    ]);
    await page.close();
  });

  it('does the same in the dark theme', async () => {
    const page = await dockFoldUnfold('gmail/thread-dark.html', [
      MESSAGE_BODIES,
      SUBJECT,
      THREAD_TOOLBAR,
      CONTENT,
    ]);
    await expect(panel(page).getAttribute('data-theme')).resolves.toBe('dark');
    await page.close();
  });

  it('narrows the list and the reading pane together in split view', async () => {
    const page = await dockFoldUnfold('gmail/reading-pane.html', [
      MESSAGE_BODIES,
      SUBJECT,
      THREAD_TOOLBAR,
      '[gh=tl] tr.zA',
      CONTENT,
    ]);
    await page.close();
  });

  it('keeps compose windows clear of it, open and folded', async () => {
    const page = await dockFoldUnfold('gmail/compose.html', [
      MESSAGE_BODIES,
      SUBJECT,
      THREAD_TOOLBAR,
      COMPOSE_WINDOW,
      'div.M9',
      CONTENT,
    ]);
    // Gmail's own spacer for its side-panel rail is kept; ours comes on top of it.
    const rail = (await boxesOf(page, 'div.brC-aT5-aOt-Jw'))[0]!;
    const compose = (await boxesOf(page, COMPOSE_WINDOW))[0]!;
    const box = (await panel(page).boundingBox())!;
    expect(compose.x + compose.width).toBeLessThanOrEqual(box.x);
    expect(box.x + box.width).toBeLessThanOrEqual(rail.x);
    await page.close();
  });

  it('stays clear on a wide screen too', async () => {
    const page = await open('gmail/compose.html', { width: 1920, height: 1080 });
    await docked(page, 'open');
    await expectClearOf(page, (await panel(page).boundingBox())!, [
      MESSAGE_BODIES,
      SUBJECT,
      THREAD_TOOLBAR,
      COMPOSE_WINDOW,
      CONTENT,
    ]);
    await page.close();
  });

  it('follows Gmail when it re-creates its containers', async () => {
    const page = await open('gmail/thread.html');
    await docked(page, 'open');
    // Gmail builds the main row anew (without our panel in it).
    await page.evaluate(() => {
      const row = document.querySelector('div.bkL')!;
      const fresh = row.cloneNode(true) as Element;
      fresh.querySelector('threadline-panel')?.remove();
      row.replaceWith(fresh);
    });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('threadline-panel')?.parentElement?.matches('div.bkL') ?? false,
        ),
      )
      .toBe(true);
    await docked(page, 'open');
    await expectClearOf(page, (await panel(page).boundingBox())!, [
      MESSAGE_BODIES,
      SUBJECT,
      THREAD_TOOLBAR,
      CONTENT,
    ]);
    await page.close();
  });

  it('floats quietly where Gmail’s layout is not found, and leaves no style behind', async () => {
    const page = await open('gmail/thread.html');
    await docked(page, 'open');
    // A redesign: the same mail in a row whose classes Threadline does not know.
    await page.evaluate(() => {
      const row = document.querySelector('div.bkL')!;
      const fresh = row.cloneNode(true) as Element;
      fresh.querySelector('threadline-panel')?.remove();
      fresh.className = 'nH zz7';
      row.replaceWith(fresh);
    });
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector('threadline-panel')?.parentElement === document.body,
        ),
      )
      .toBe(true);
    expect(
      await page.evaluate(() =>
        document.querySelector('threadline-panel')!.hasAttribute('data-tl-dock'),
      ),
    ).toBe(false);
    expect(
      await page.evaluate(() => document.querySelectorAll('style[data-threadline]').length),
    ).toBe(0);
    // Still the working panel, floating as on LinkedIn.
    await panel(page).getByRole('button', { name: 'Create deal' }).waitFor();
    const box = (await panel(page).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(280);
    await page.close();
  });

  it('floats where docking would leave it under the side-panel rail', async () => {
    const page = await open('gmail/thread.html');
    await docked(page, 'open');
    // An older layout: the rail fixed over the right edge, outside the main row, which Gmail
    // then builds anew.
    await page.evaluate(() => {
      const row = document.querySelector('div.bkL')!;
      const rail = document.querySelector('div.bAw') as HTMLElement;
      rail.style.cssText = 'position: fixed; top: 64px; right: 0; bottom: 0; width: 56px';
      row.parentElement!.append(rail);
      const fresh = row.cloneNode(true) as Element;
      fresh.querySelector('threadline-panel')?.remove();
      fresh.querySelector('div.aUx')?.remove();
      row.replaceWith(fresh);
    });
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector('threadline-panel')?.parentElement === document.body,
        ),
      )
      .toBe(true);
    await panel(page).getByRole('button', { name: 'Create deal' }).waitFor();
    const rail = (await boxesOf(page, 'div.brC-aT5-aOt-Jw'))[0]!;
    const box = (await panel(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(rail.x);
    expect(
      await page.evaluate(() => document.querySelectorAll('style[data-threadline]').length),
    ).toBe(0);
    await page.close();
  });

  it('never let an error or a warning reach Gmail’s page', async () => {
    // The panel docked, folded and unfolded on a thread.
    const page = await dockFoldUnfold('gmail/thread.html', []);
    await page.close();
    expect(pageErrors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
