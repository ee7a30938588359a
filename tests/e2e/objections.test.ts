import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openView, startExtension, type Extension } from './harness';
import { THREAD_A, THREAD_B, U0, choose, navigateGmail, panel } from './gmail-page';

const KEY_A = 'gmail:maria.rep@northwind.fi:thread-f:1790123456789012345';
const WORDS = 'Let me check with Jussi on budget and come back to you next week.';
const ANSWER = 'The annual plan includes two months free, so the 40 seats fit the budget.';

/** The start of the day `days` business days after today, as the panel works it out. */
function businessDaysAhead(days: number): Date {
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  for (let left = days; left > 0;) {
    day.setDate(day.getDate() + 1);
    if (day.getDay() !== 0 && day.getDay() !== 6) left--;
  }
  return day;
}

const inputValue = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

/**
 * Types a day into a date field as the rep does, segment by segment in the order the
 * browser's locale shows them (scripted values would be untrusted, and the panel ignores them).
 */
async function typeDay(page: Page, field: Locator, day: Date): Promise<void> {
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat()
      .formatToParts(new Date(2026, 10, 25))
      .filter((part) => ['day', 'month', 'year'].includes(part.type))
      .map((part) => part.type),
  );
  const parts: Record<string, string> = {
    day: String(day.getDate()).padStart(2, '0'),
    month: String(day.getMonth() + 1).padStart(2, '0'),
    year: String(day.getFullYear()),
  };
  await field.focus();
  for (const part of order) await page.keyboard.type(parts[part]!);
}

describe('Objections: heard in Gmail, promised, answered, and offered again', () => {
  let ext: Extension;
  let page: Page;
  const pageErrors: string[] = [];

  /** The deal of thread A as the background tells it. */
  const dealOfThreadA = async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    const reply = await dashboard.evaluate(
      (key) => chrome.runtime.sendMessage({ type: 'deal.forKey', key }),
      KEY_A,
    );
    await dashboard.close();
    return (
      reply as {
        data: {
          deal: { id: string; answerDueAt: number | null };
          cadence: { state: string; dueAt: number };
        };
      }
    ).data;
  };

  const createDeal = async (heading: string) => {
    const p = panel(page);
    await p.getByRole('heading', { name: heading }).waitFor();
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await p.locator('.tl-deal').waitFor();
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/thread.html' } });
    page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(THREAD_A);
  });
  afterAll(() => ext?.close());

  it('logs an objection with the prospect’s words taken from the open message', async () => {
    await createDeal('Re: Pricing for 40 seats');
    // A call today: the deal has just moved, so only a promise can make it due.
    const p = panel(page);
    await p.getByRole('button', { name: 'Log a touch…' }).click();
    await p.getByRole('button', { name: 'Log touch' }).click();
    await expect.poll(() => p.locator('.tl-cadence').textContent()).toBe('On track');

    await p.getByRole('button', { name: 'Log an objection…' }).click();
    await expect(p.getByRole('combobox', { name: /^Objection/ }).inputValue()).resolves.toBe(
      'price',
    );
    await p.getByRole('button', { name: 'Take their words from the message' }).click();
    await expect(p.getByLabel('In their words').inputValue()).resolves.toBe(WORDS);
  });

  it('promises an answer, two business days out unless the rep sets the day, and the deal is due on it', async () => {
    const p = panel(page);
    await p.getByLabel("I'll find out and get back to them").check();
    const due = p.getByLabel('Answer by');
    await expect(due.inputValue()).resolves.toBe(inputValue(businessDaysAhead(2)));
    // The rep promised it for today.
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    await typeDay(page, due, today);
    await expect(due.inputValue()).resolves.toBe(inputValue(today));
    await p.getByRole('button', { name: 'Log objection' }).click();

    const item = p.locator('.tl-objection');
    await expect.poll(() => item.count()).toBe(1);
    await expect(item.locator('q').textContent()).resolves.toBe(WORDS);
    await expect(item.locator('.tl-promise-due').textContent()).resolves.toMatch(
      /^Answer promised by /,
    );
    await expect.poll(() => p.locator('.tl-cadence').textContent()).toBe('Due');
    const stored = await dealOfThreadA();
    expect(stored.deal.answerDueAt).toBe(today.getTime());
    expect(stored.cadence).toMatchObject({ state: 'due', dueAt: today.getTime() });

    const dashboard = await ext.extensionPage('dashboard.html#queue');
    const dueToday = dashboard.getByRole('region', { name: 'Due today' });
    await expect
      .poll(() => dueToday.locator('li .title').allTextContents())
      .toEqual(['Pricing for 40 seats']);
    await dashboard.close();
  });

  it('closes the promise when the answer is logged', async () => {
    const p = panel(page);
    await p.getByRole('button', { name: 'Log the answer…' }).click();
    await p.getByLabel('Your answer').fill(ANSWER);
    await p.getByRole('button', { name: 'Save the answer' }).click();
    await expect.poll(() => p.locator('.tl-objection .tl-answer').textContent()).toBe(ANSWER);
    await expect(p.locator('.tl-promise').count()).resolves.toBe(0);
    await expect.poll(() => p.locator('.tl-cadence').textContent()).toBe('On track');
    expect((await dealOfThreadA()).deal.answerDueAt).toBeNull();
  });

  it('shows the objection and its answer on the deal’s timeline', async () => {
    const { deal } = await dealOfThreadA();
    const dashboard = await ext.extensionPage(`dashboard.html#deal/${deal.id}`);
    const timeline = dashboard.locator('ol.timeline li.event-objection');
    await expect
      .poll(() => timeline.allTextContents())
      .toEqual([
        expect.stringContaining(`Answered (Price): ${ANSWER}`),
        expect.stringContaining(`Objection: Price · “${WORDS}”`),
      ]);
    await dashboard.close();
  });

  it('counts it on the cheat sheet once the deal is won, with the answer that worked; searchable', async () => {
    const p = panel(page);
    await p.getByRole('button', { name: 'Close deal…' }).click();
    await p.getByRole('button', { name: 'Close deal', exact: true }).click();
    await expect.poll(() => p.locator('.tl-closed').textContent()).toBe('Won');

    const dashboard = await ext.extensionPage('dashboard.html');
    await openView(dashboard, 'objections');
    const price = dashboard.locator('.cheat-kind[data-kind="price"]');
    await expect.poll(() => price.locator('h3').textContent()).toBe('Price 1');
    await expect(price.getByText('Came up once').count()).resolves.toBe(1);
    await expect(price.textContent()).resolves.toContain('Deals: 1 won · 0 lost · 0 still open');
    await expect(price.locator('.cheat-stages').textContent()).resolves.toBe(
      'By stage: Prospecting 1',
    );
    await expect(price.locator('.cheat-answers a').textContent()).resolves.toBe(ANSWER);
    await expect(price.locator('.cheat-heard q').textContent()).resolves.toBe(WORDS);
    const search = dashboard.getByLabel('Search objections and answers');
    await search.fill('jussi');
    await expect(price.count()).resolves.toBe(1);
    await search.fill('warranty');
    await expect.poll(() => price.count()).toBe(0);
    await expect(dashboard.getByText('No objection or answer matches.').count()).resolves.toBe(1);
    await dashboard.close();
  });

  it('offers the answer that worked on the next deal with the same kind, and its objections as the reason it was lost', async () => {
    await navigateGmail(page, THREAD_B.split('#')[1]!, 'gmail/thread-b.html');
    await createDeal('Intro: Globex data platform');
    const p = panel(page);
    await p.getByRole('button', { name: 'Log an objection…' }).click();
    const worked = p.getByRole('group', { name: 'Answers that worked' });
    await worked.getByRole('button', { name: ANSWER }).click();
    await expect(p.getByLabel('Your answer').inputValue()).resolves.toBe(ANSWER);
    await p.getByRole('button', { name: 'Log objection' }).click();
    await expect.poll(() => p.locator('.tl-objection .tl-answer').textContent()).toBe(ANSWER);

    await p.getByRole('button', { name: 'Close deal…' }).click();
    await choose(p.getByLabel('Outcome'), 'lost');
    await p
      .getByRole('group', { name: 'Objections heard' })
      .getByRole('button', { name: 'Price' })
      .click();
    await expect(p.getByLabel('Reason').inputValue()).resolves.toBe('Price');
    await p.getByRole('button', { name: 'Close deal', exact: true }).click();
    await expect.poll(() => p.locator('.tl-closed').textContent()).toBe('Lost: Price');
  });

  it('removes an objection logged by mistake from the deal’s page, and the cheat sheet forgets it', async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    await openView(dashboard, 'objections');
    const price = dashboard.locator('.cheat-kind[data-kind="price"]');
    await expect.poll(() => price.locator('h3').textContent()).toBe('Price 2');
    await price.getByRole('link', { name: ANSWER }).click();
    await dashboard.locator('#deal').waitFor();
    dashboard.once('dialog', (dialog) => void dialog.accept());
    await dashboard.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => dashboard.locator('.tl-objection').count()).toBe(0);
    await openView(dashboard, 'objections');
    await expect.poll(() => price.locator('h3').textContent()).toBe('Price 1');
    await dashboard.close();
  });

  it('throws nothing into Gmail’s page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('Objections: heard on LinkedIn', () => {
  const CONVERSATION_ID = '2-ZWM2NDIzYjQtMDAxMS00YTIyLWI5ZTMtNGQ1ZjZhN2I4Yzlk';
  const CONVERSATION = `https://www.linkedin.com/messaging/thread/${CONVERSATION_ID}/`;
  let ext: Extension;

  beforeAll(async () => {
    ext = await startExtension({ pages: { [CONVERSATION]: 'linkedin/messaging.html' } });
  });
  afterAll(() => ext?.close());

  it('logs an objection on a conversation’s deal with the other person’s latest message', async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    await dashboard.evaluate(
      (link) =>
        chrome.runtime.sendMessage({
          type: 'deal.create',
          input: { title: 'Acme Oy: Aino Virtanen', links: [link] },
        }),
      { kind: 'linkedin-conversation', externalId: CONVERSATION_ID, url: CONVERSATION },
    );
    await dashboard.close();
    const linkedin = await ext.context.newPage();
    await linkedin.goto(CONVERSATION);
    const p = panel(linkedin);
    await p.getByRole('button', { name: 'Log an objection…' }).click();
    await choose(p.getByRole('combobox', { name: /^Objection/ }), 'authority');
    await p.getByRole('button', { name: 'Take their words from the message' }).click();
    await expect(p.getByLabel('In their words').inputValue()).resolves.toBe(
      'Hi Maria, yes, Thursday works. Budget is with Jussi though.',
    );
    await p.getByRole('button', { name: 'Log objection' }).click();
    await expect
      .poll(() => p.locator('.tl-objection strong').textContent(), { timeout: 5_000 })
      .toBe('Authority');
  });
});
