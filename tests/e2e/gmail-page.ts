import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { panelRoot } from './panel-access';
import { spaNavigate } from './spa';

export const U0 = 'https://mail.google.com/mail/u/0/';
export const THREAD_A = `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC`;
export const THREAD_B = `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkD`;

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');

/** A page that runs a function with a string in it: Playwright's and Puppeteer's (Firefox) both. */
interface ScriptablePage {
  evaluate(fn: (arg: string) => void, arg: string): Promise<unknown>;
}

/**
 * The Threadline panel on a page. Its shadow root is closed, so Playwright's locators do not
 * pierce it: they start from the panel's own root (see panel-access.ts).
 */
export function panel(page: Page): Locator {
  return panelRoot(page).getByRole('complementary', { name: 'Threadline' });
}

/**
 * Picks an option of a panel's select as the rep does, with the keyboard: open the list, move
 * to the option, Enter. (Playwright's selectOption sets the value by script and makes up the
 * change event, which the panel ignores as it ignores any event a page makes up.)
 */
export async function choose(select: Locator, value: string): Promise<void> {
  const steps = await select.evaluate((element, value) => {
    const options = [...(element as HTMLSelectElement).options];
    const to = options.findIndex((option) => option.value === value);
    if (to < 0) throw new Error(`No option ${value} in ${options.map((o) => o.value).join(', ')}`);
    return to - (element as HTMLSelectElement).selectedIndex;
  }, value);
  if (steps === 0) return;
  await select.focus();
  await select.press('Alt+ArrowDown');
  for (let i = 0; i < Math.abs(steps); i++) await select.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  await select.press('Enter');
}

/** Gmail's hash navigation: the hash changes, then the view fills in. */
export function navigateGmail(page: Page, hash: string, fixturePath: string): Promise<void> {
  return spaNavigate(page, { hash }, fixturePath);
}

/** Gmail's part of sending: the reply form goes, the "Message sent" toast comes. */
export async function gmailSends(page: ScriptablePage): Promise<void> {
  const toast = fixture('gmail/after-send/toast.html');
  await page.evaluate((toast) => {
    document.querySelector('div.M9')?.remove();
    document.body.insertAdjacentHTML('beforeend', toast);
  }, toast);
}

/** Gmail's part of delivery: the sent message appears in the thread with its own id. */
export async function gmailShowsSentMessage(page: ScriptablePage, at: Date): Promise<void> {
  const title = at.toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const message = fixture('gmail/after-send/message.html')
    .replace('{{TITLE}}', title)
    .replace('{{SHORT}}', 'now');
  await page.evaluate((message) => {
    document.querySelector('[role=list]')?.insertAdjacentHTML('beforeend', message);
    document.querySelector('[role=alert]')?.remove();
  }, message);
}
