import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { spaNavigate } from './spa';

export const U0 = 'https://mail.google.com/mail/u/0/';
export const THREAD_A = `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC`;
export const THREAD_B = `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkD`;

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');

/** The Threadline panel on a page (Playwright's locators pierce its shadow root). */
export function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Threadline' });
}

/** Gmail's hash navigation: the hash changes, then the view fills in. */
export function navigateGmail(page: Page, hash: string, fixturePath: string): Promise<void> {
  return spaNavigate(page, { hash }, fixturePath);
}

/** Gmail's part of sending: the reply form goes, the "Message sent" toast comes. */
export async function gmailSends(page: Page): Promise<void> {
  const toast = fixture('gmail/after-send/toast.html');
  await page.evaluate((toast) => {
    document.querySelector('div.M9')?.remove();
    document.body.insertAdjacentHTML('beforeend', toast);
  }, toast);
}

/** Gmail's part of delivery: the sent message appears in the thread with its own id. */
export async function gmailShowsSentMessage(page: Page, at: Date): Promise<void> {
  const title = at.toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
  const message = fixture('gmail/after-send/message.html').replace('{{TITLE}}', title).replace('{{SHORT}}', 'now');
  await page.evaluate((message) => {
    document.querySelector('[role=list]')?.insertAdjacentHTML('beforeend', message);
    document.querySelector('[role=alert]')?.remove();
  }, message);
}
