import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ask, startFirefox, type FirefoxExtension } from './harness';
import { dealRecord, seedRecords } from '../e2e/seed';

describe('Firefox: the dashboard’s board and follow-up queue', () => {
  let ext: FirefoxExtension;
  let board: Page;

  /** The titles (or totals) in a board column or a queue group, named as on screen. */
  const texts = (page: Page, region: string, css: string) =>
    page.$$eval(`section[aria-label="${region}"] ${css}`, (elements) =>
      elements.map((element) => element.textContent?.trim() ?? ''),
    );

  beforeAll(async () => {
    ext = await startFirefox();
    await ask(ext, {
      type: 'deal.create',
      input: { title: 'Acme: 40 seats', company: 'Acme', value: 24000 },
    });
    await ask(ext, { type: 'deal.create', input: { title: 'Globex renewal', value: 1000 } });
    board = await ext.extensionPage('dashboard.html#board');
  });
  afterAll(() => ext?.close());

  it('shows a column per stage with its count and value', async () => {
    await expect.poll(() => texts(board, 'Prospecting', '.totals')).toEqual(['2 deals · €25,000']);
    await expect(texts(board, 'Qualification', '.totals')).resolves.toEqual(['0 deals · €0']);
  });

  it('moves a card to the next stage with the keyboard', async () => {
    const cards = await board.$$('section[aria-label="Prospecting"] button.card');
    const titles = await Promise.all(cards.map((card) => card.evaluate((el) => el.textContent)));
    const acme = cards[titles.findIndex((title) => title?.includes('Acme: 40 seats'))]!;
    await acme.focus();
    await board.keyboard.press('ArrowRight');
    await expect
      .poll(() => texts(board, 'Qualification', 'button.card'))
      .toEqual([expect.stringContaining('Acme: 40 seats')]);
    await expect(texts(board, 'Prospecting', '.totals')).resolves.toEqual(['1 deal · €1,000']);
  });

  it('groups the follow-up queue into overdue, due today and due this week', async () => {
    const page = await ext.extensionPage('popup.html');
    await seedRecords(page, 'deals', [
      dealRecord({ id: 'due-1', title: 'Due deal', daysAgo: 3.5 }),
      dealRecord({ id: 'overdue-1', title: 'Overdue deal', daysAgo: 8 }),
      dealRecord({ id: 'overdue-2', title: 'Less overdue deal', daysAgo: 6 }),
    ]);
    await page.close();
    const queue = await ext.extensionPage('dashboard.html#queue');
    await expect
      .poll(() => texts(queue, 'Overdue', '.title'))
      .toEqual(['Overdue deal', 'Less overdue deal']);
    await expect(texts(queue, 'Due today', '.title')).resolves.toEqual(['Due deal']);
    await expect(texts(queue, 'Due this week', '.title')).resolves.toEqual(
      expect.arrayContaining(['Globex renewal']),
    );
  });
});
