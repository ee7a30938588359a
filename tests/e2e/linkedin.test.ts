import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { THREAD_A, U0, choose, panel } from './gmail-page';
import { spaNavigate } from './spa';
import { playLinkedInSends } from './linkedin-page';

const PROFILE = 'https://www.linkedin.com/in/aino-virtanen/';
const CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzYjQtMDAxMS00YTIyLWI5ZTMtNGQ1ZjZhN2I4Yzlk/';

describe('LinkedIn: the rep qualifies a prospect in place', () => {
  let ext: Extension;
  let linkedin: Page;
  const pageErrors: string[] = [];

  const forKey = async (key: string) => {
    const dashboard = await ext.extensionPage('dashboard.html');
    const reply = await dashboard.evaluate(
      (key) => chrome.runtime.sendMessage({ type: 'deal.forKey', key }),
      key,
    );
    await dashboard.close();
    return (
      reply as {
        data: {
          deal: {
            id: string;
            title: string;
            company: string;
            stageId: string;
            touchCount: number;
            followUpCount: number;
            contactIds: string[];
          };
          contacts: { name: string; linkedinUrl: string | null; headline: string }[];
        } | null;
      }
    ).data;
  };

  beforeAll(async () => {
    ext = await startExtension({
      pages: {
        [PROFILE]: 'linkedin/profile.html',
        [CONVERSATION]: 'linkedin/messaging.html',
        [U0]: 'gmail/thread.html',
      },
    });
    linkedin = await ext.context.newPage();
    linkedin.on('pageerror', (error) => pageErrors.push(error.message));
    await linkedin.goto(PROFILE);
  });
  afterAll(() => ext?.close());

  it('adds the person as a prospect from their profile, prefilled and editable', async () => {
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Aino Virtanen' }).waitFor();
    await p.getByRole('button', { name: 'Add prospect' }).click();
    const form = p.getByRole('form', { name: 'Add prospect' });
    await expect(form.getByLabel('Headline').inputValue()).resolves.toBe(
      'Head of Operations at Acme · Supply chain & logistics',
    );
    await expect(form.getByLabel('Company').inputValue()).resolves.toBe('Acme Oy');
    await expect(form.getByLabel('Location').inputValue()).resolves.toBe(
      'Helsinki, Uusimaa, Finland',
    );
    await expect(form.getByLabel('Profile').inputValue()).resolves.toBe(PROFILE);
    await form.getByLabel('Notes').fill('Runs the Nordic warehouses; expanding in 2027');
    await form.getByRole('button', { name: 'Save prospect' }).click();
    await p.getByLabel('Stage').waitFor();
    const stored = await forKey('linkedin-profile:aino-virtanen');
    expect(stored?.deal).toMatchObject({
      title: 'Acme Oy: Aino Virtanen',
      company: 'Acme Oy',
      stageId: 'prospecting',
    });
    expect(stored?.contacts).toEqual([
      expect.objectContaining({
        name: 'Aino Virtanen',
        linkedinUrl: PROFILE,
        headline: 'Head of Operations at Acme · Supply chain & logistics',
      }),
    ]);
  });

  it('sets BANT on the profile, and the Gmail panel of a thread of the same deal shows it', async () => {
    const p = panel(linkedin);
    await choose(p.getByLabel('Budget', { exact: true }), 'confirmed');
    await expect.poll(() => p.getByText('Ask what budget is set aside').count()).toBe(0);
    await expect(p.getByText('Ask who signs off').count()).resolves.toBe(1);

    const gmail = await ext.context.newPage();
    gmail.on('pageerror', (error) => pageErrors.push(error.message));
    await gmail.goto(THREAD_A);
    const g = panel(gmail);
    await g.getByLabel('Link to deal').fill('Aino');
    await g.getByRole('button', { name: 'Link to Acme Oy: Aino Virtanen' }).click();
    await g.getByLabel('Stage').waitFor();
    await expect(g.getByLabel('Budget', { exact: true }).inputValue()).resolves.toBe('confirmed');

    await choose(p.getByLabel('Authority', { exact: true }), 'missing');
    await expect
      .poll(() => g.getByText('Missing: Authority. Consider disqualifying early.').count(), {
        timeout: 1_500,
      })
      .toBe(1);
    await gmail.close();
  });

  it('links a conversation to the deal of the person, and counts its messages as touches', async () => {
    const before = (await forKey('linkedin-profile:aino-virtanen'))!.deal.touchCount;
    await linkedin.goto(CONVERSATION);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Conversation with Aino Virtanen' }).waitFor();
    await p.getByRole('button', { name: 'Link to Acme Oy: Aino Virtanen' }).click();
    await p.getByLabel('Stage').waitFor();
    await expect
      .poll(async () => (await forKey('linkedin-profile:aino-virtanen'))!.deal.touchCount)
      .toBe(before + 4);
    // Opening it again counts nothing twice.
    await linkedin.reload();
    await p.getByLabel('Stage').waitFor();
    await linkedin.waitForTimeout(300);
    expect((await forKey('linkedin-profile:aino-virtanen'))!.deal.touchCount).toBe(before + 4);
  });

  it('counts a message the rep sends at once', async () => {
    const p = panel(linkedin);
    const followUps = await p.locator('.tl-follow-ups').textContent();
    await linkedin.evaluate(playLinkedInSends, 'click');
    await linkedin.locator('div.msg-form__contenteditable').fill('Looking forward to Thursday!');
    await linkedin.locator('button.msg-form__send-button').click();
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).not.toBe(followUps);
    expect(followUps).toBe('Follow-up 1');
    await expect(p.locator('.tl-follow-ups').textContent()).resolves.toBe('Follow-up 2');
  });

  it('follows profile-to-profile navigation without a reload', async () => {
    await linkedin.goto(PROFILE);
    const p = panel(linkedin);
    await p.getByLabel('Stage').waitFor();
    await spaNavigate(
      linkedin,
      { path: '/in/leena-makinen-5a1b2c/' },
      'linkedin/profile-2026.html',
    );
    await p.getByRole('heading', { name: 'Leena Mäkinen' }).waitFor();
    await expect(p.getByLabel('Stage').count()).resolves.toBe(0);
    await p.getByRole('button', { name: 'Add prospect' }).click();
    await expect(p.getByLabel('Company').inputValue()).resolves.toBe('');
    await expect(p.getByLabel('Location').inputValue()).resolves.toBe(
      'Tampere, Pirkanmaa, Finland',
    );
    await spaNavigate(linkedin, { path: '/in/aino-virtanen/' }, 'linkedin/profile.html');
    await p.getByLabel('Stage').waitFor();
    await expect(p.getByRole('heading', { name: 'Acme Oy: Aino Virtanen' }).count()).resolves.toBe(
      1,
    );
  });

  it('offers to merge a Gmail contact with the same name and company', async () => {
    const dashboard = await ext.extensionPage('dashboard.html');
    await dashboard.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'deal.create',
        input: {
          title: 'Anadolu Lojistik: warehouse',
          company: 'Anadolu Lojistik',
          newContacts: [
            {
              name: 'Kerem Yılmaz',
              email: 'kerem@anadolu-lojistik.com.tr',
              company: 'Anadolu Lojistik',
            },
          ],
        },
      }),
    );
    await dashboard.close();
    ext.pages['https://www.linkedin.com/in/kerem-yilmaz/'] = 'linkedin/profile-tr.html';
    await linkedin.goto('https://www.linkedin.com/in/kerem-yilmaz/');
    const p = panel(linkedin);
    await p.getByRole('button', { name: 'Add prospect' }).click();
    await p
      .getByText('Kerem Yılmaz at Anadolu Lojistik is already a contact.', { exact: false })
      .waitFor();
    await p.getByRole('button', { name: 'Merge' }).click();
    await p.getByLabel('Stage').waitFor();
    const stored = await forKey('linkedin-profile:kerem-yilmaz');
    expect(stored?.contacts).toEqual([
      expect.objectContaining({
        name: 'Kerem Yılmaz',
        linkedinUrl: 'https://www.linkedin.com/in/kerem-yilmaz/',
      }),
    ]);
  });

  it('follows profile → messaging → profile without a reload, never mixing people', async () => {
    await linkedin.goto(PROFILE);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Acme Oy: Aino Virtanen' }).waitFor();
    await spaNavigate(
      linkedin,
      { path: new URL(CONVERSATION).pathname },
      'linkedin/messaging.html',
    );
    await expect.poll(() => p.locator('.tl-deal').getAttribute('data-deal-id')).toBeTruthy();
    await spaNavigate(
      linkedin,
      { path: '/in/leena-makinen-5a1b2c/' },
      'linkedin/profile-2026.html',
    );
    await p.getByRole('heading', { name: 'Leena Mäkinen' }).waitFor();
    await expect(p.getByText('Acme Oy: Aino Virtanen').count()).resolves.toBe(0);
  });

  it('counts the messages of a chat bubble over the feed toward the person’s deal, and a send there', async () => {
    const before = (await forKey('linkedin-profile:aino-virtanen'))!.deal.touchCount;
    ext.pages['https://www.linkedin.com/feed/'] = 'linkedin/overlay.html';
    await linkedin.goto('https://www.linkedin.com/feed/');
    await expect
      .poll(async () => (await forKey('linkedin-profile:aino-virtanen'))!.deal.touchCount)
      .toBe(before + 2);
    const bubble = linkedin.locator('.msg-overlay-conversation-bubble');
    await linkedin.evaluate(playLinkedInSends, 'click');
    await bubble.locator('div.msg-form__contenteditable').fill('Whitepaper attached.');
    await bubble.locator('button.msg-form__send-button').click();
    await expect
      .poll(async () => (await forKey('linkedin-profile:aino-virtanen'))!.deal.touchCount)
      .toBe(before + 3);
  });

  it('says quietly that it cannot read a changed profile, and keeps the manual path', async () => {
    ext.pages['https://www.linkedin.com/in/someone-new/'] = 'linkedin/changed.html';
    await linkedin.goto('https://www.linkedin.com/in/someone-new/');
    const p = panel(linkedin);
    await p.getByText("Threadline can't read this profile").waitFor({ timeout: 6_000 });
    await expect(p.getByLabel('Link to deal').count()).resolves.toBe(1);
  });

  it('never let an error reach LinkedIn’s page', () => {
    expect(pageErrors).toEqual([]);
  });
});
