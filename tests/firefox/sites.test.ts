import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ask, startFirefox, type FirefoxExtension } from './harness';
import type { Panel } from './panel';
import { THREAD_A, U0, gmailSends, gmailShowsSentMessage } from '../e2e/gmail-page';

const KEY_A = 'gmail:maria.rep@northwind.fi:thread-f:1790123456789012345';
const PROFILE = 'https://www.linkedin.com/in/aino-virtanen/';

type StoredDeal = {
  deal: { title: string; company: string; stageId: string; touchCount: number };
  contacts: { name: string; linkedinUrl: string | null }[];
} | null;

describe('Firefox: the rep works a Gmail thread and a LinkedIn profile', () => {
  let ext: FirefoxExtension;
  let gmail: Page;
  let p: Panel;
  const pageErrors: string[] = [];
  const stored = async (key: string) =>
    (await ask<StoredDeal>(ext, { type: 'deal.forKey', key })).data;

  beforeAll(async () => {
    ext = await startFirefox({
      pages: { [U0]: 'gmail/compose.html', [PROFILE]: 'linkedin/profile.html' },
    });
    gmail = await ext.openSite(THREAD_A);
    gmail.on('pageerror', (error) => pageErrors.push(String(error)));
    p = ext.panel(gmail);
  });
  afterAll(() => ext?.close());

  it('offers to create a deal for the thread, prefilled from it, and shows it', async () => {
    await p.waitFor({ heading: 'Re: Pricing for 40 seats' });
    await p.click({ button: 'Create deal' });
    await p.waitFor({ css: 'form.tl-create' });
    await expect(p.value({ label: 'Deal' })).resolves.toBe('Pricing for 40 seats');
    await expect(p.value({ label: 'Company' })).resolves.toBe('Acme');
    await expect(p.value({ label: 'Contact email' })).resolves.toBe('aino.virtanen@acme.fi');
    await p.fill({ label: 'Value' }, '24000');
    await p.click({ button: 'Save deal' });
    await expect.poll(() => p.value({ label: 'Stage' })).toBe('prospecting');
    await expect.poll(() => p.text({ css: '.tl-follow-ups' })).toBe('Follow-up 0');
    await expect(p.text({ css: '.tl-turn' })).resolves.toBe('Your turn to reply');
    // The thread's messages are recorded once the rep stays on it a moment.
    await expect
      .poll(async () => (await stored(KEY_A))?.deal.touchCount, { timeout: 5_000 })
      .toBe(4);
  });

  it('counts a reply the rep sends at once, and once only when Gmail shows it', async () => {
    await gmail.click('div[g_editable=true]');
    await gmail.keyboard.type('Hi Aino, just checking in on the budget question.');
    await gmail.click('div.T-I.aoO[role=button]');
    await gmailSends(gmail);
    await expect
      .poll(() => p.text({ css: '.tl-follow-ups' }), { timeout: 3_000 })
      .toBe('Follow-up 1');
    await expect(p.text({ css: '.tl-turn' })).resolves.toBe('Waiting for them');
    await gmailShowsSentMessage(gmail, new Date());
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(p.text({ css: '.tl-follow-ups' })).resolves.toBe('Follow-up 1');
    expect((await stored(KEY_A))?.deal.touchCount).toBe(5);
  });

  it('moves the stage from the panel with the keyboard', async () => {
    await p.choose({ label: 'Stage' }, 'qualification');
    await expect.poll(async () => (await stored(KEY_A))?.deal.stageId).toBe('qualification');
  });

  it('adds a LinkedIn profile’s person as a prospect, prefilled', async () => {
    const linkedin = await ext.openSite(PROFILE);
    linkedin.on('pageerror', (error) => pageErrors.push(String(error)));
    const l = ext.panel(linkedin);
    await l.waitFor({ heading: 'Aino Virtanen' });
    await l.click({ button: 'Add prospect' });
    await expect.poll(() => l.value({ label: 'Company' })).toBe('Acme Oy');
    await expect(l.value({ label: 'Profile' })).resolves.toBe(PROFILE);
    await l.fill({ label: 'Notes' }, 'Runs the Nordic warehouses');
    await l.click({ button: 'Save prospect' });
    await l.waitFor({ label: 'Stage' });
    const saved = await stored('linkedin-profile:aino-virtanen');
    expect(saved?.deal).toMatchObject({ title: 'Acme Oy: Aino Virtanen', company: 'Acme Oy' });
    expect(saved?.contacts).toEqual([
      expect.objectContaining({ name: 'Aino Virtanen', linkedinUrl: PROFILE }),
    ]);
  });

  it('raised no error in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
