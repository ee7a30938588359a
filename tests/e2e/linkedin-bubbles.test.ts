import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { panel } from './gmail-page';
import { playLinkedInSends, turnOnAutoLink } from './linkedin-page';

// Chat bubbles over the feed, named by member id, each the same conversation as on the messaging
// page: Sanna's (a prospect added from her profile) and Jonas's (a deal made in the dashboard).
const SLUG = 'sanna-korhonen-7b2a41';
const PROFILE = `https://www.linkedin.com/in/${SLUG}/`;
const FEED = 'https://www.linkedin.com/feed/';
const SANNA_CONVERSATION_ID = '2-NmYyYzFhOWUtNGI3ZC00ZTIxLTljM2YtOGE1ZDJlN2IxYzQwXzEwMA==';
const JONAS_CONVERSATION_ID = '2-YzNiOGUyZjEtN2E0ZC00YjllLThjMmEtMWQ2ZjVlM2I3YTk4XzEwMA==';
const KEREM_CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-YTQxZDdjM2ItMmU5Zi00YzY4LWIxZDUtM2Y4ZTZhMmM5YjA3XzEwMA==/';
const KEREM_KEY = `linkedin-conversation:${new URL(KEREM_CONVERSATION).pathname.split('/')[3]}`;
const JONAS_ID = 'ACoAAFq3Wc8BmT1xKz5Rv7Np2Gh9Ld4Ys6Je0Hb';
const KEREM_ID = 'ACoAACr9Tq2Bz4Hn_Wm8Lk3Vx7Pd1Gs6Jy0Fe5u';
const SANNA_DEAL = 'Nordkapp Logistics Oy: Sanna Korhonen';
const JONAS_DEAL = 'Rhein Logistik: Q1 freight';

type Stored = { deal: { id: string; title: string; touchCount: number } } | null;

describe('LinkedIn chat bubbles: each suggests its person’s deal and counts only toward its own', () => {
  let ext: Extension;
  let linkedin: Page;
  const pageErrors: string[] = [];

  const ask = async <T>(message: unknown): Promise<T> => {
    const dashboard = await ext.extensionPage('dashboard.html');
    const reply = await dashboard.evaluate(
      (message) => chrome.runtime.sendMessage(message),
      message,
    );
    await dashboard.close();
    return (reply as { data: T }).data;
  };
  const forKey = (key: string) => ask<Stored>({ type: 'deal.forKey', key });
  const touchesOf = async (title: string) =>
    (
      await ask<{ title: string; touchCount: number }[]>({ type: 'deal.search', query: title })
    ).find((d) => d.title === title)?.touchCount;
  const row = (page: Page, name: string) =>
    panel(page).getByRole('region', { name: 'Chat bubbles' }).getByRole('listitem', { name });

  beforeAll(async () => {
    ext = await startExtension({
      pages: {
        [PROFILE]: 'linkedin/profile-2026-duplicates.html',
        [FEED]: 'linkedin/overlay-two-bubbles.html',
        [KEREM_CONVERSATION]: 'linkedin/messaging-switch.html',
      },
    });
    linkedin = await ext.context.newPage();
    linkedin.on('pageerror', (error) => pageErrors.push(error.message));
    await ask({
      type: 'deal.create',
      input: {
        title: JONAS_DEAL,
        company: 'Rhein Logistik GmbH',
        newContacts: [{ name: 'Jonas Weber', linkedinMemberId: JONAS_ID }],
      },
    });
  });
  afterAll(() => ext?.close());

  it('suggests the deal of a prospect added on their profile in the bubble that names them by member id', async () => {
    await linkedin.goto(PROFILE);
    const p = panel(linkedin);
    await p.getByRole('button', { name: 'Add prospect' }).click();
    await p.getByRole('button', { name: 'Save prospect' }).click();
    await p.getByLabel('Stage').waitFor();

    await linkedin.goto(FEED);
    const sanna = row(linkedin, 'Sanna Korhonen');
    await sanna.getByRole('button', { name: `Link to ${SANNA_DEAL}` }).waitFor();
    await row(linkedin, 'Jonas Weber')
      .getByRole('button', { name: `Link to ${JONAS_DEAL}` })
      .waitFor();
    // One row per bubble with a person: the new-message bubble names nobody.
    await expect(
      p.getByRole('region', { name: 'Chat bubbles' }).getByRole('listitem').count(),
    ).resolves.toBe(2);
    // A suggestion is not a link: nothing counted yet.
    await linkedin.waitForTimeout(500);
    expect(await touchesOf(SANNA_DEAL)).toBe(0);
  });

  it('links a bubble in one click and counts its messages on that deal only', async () => {
    await row(linkedin, 'Sanna Korhonen')
      .getByRole('button', { name: `Link to ${SANNA_DEAL}` })
      .click();
    await row(linkedin, 'Sanna Korhonen').getByText(SANNA_DEAL).waitFor();
    await expect.poll(() => touchesOf(SANNA_DEAL)).toBe(2);
    // The bubble is the conversation: the messaging page finds the same deal.
    expect((await forKey(`linkedin-conversation:${SANNA_CONVERSATION_ID}`))?.deal.title).toBe(
      SANNA_DEAL,
    );
    expect(await touchesOf(JONAS_DEAL)).toBe(0);
    await row(linkedin, 'Jonas Weber')
      .getByRole('button', { name: `Link to ${JONAS_DEAL}` })
      .waitFor();
  });

  it('never crosses over: the other bubble links to its own deal, and a send there counts there', async () => {
    await row(linkedin, 'Jonas Weber')
      .getByRole('button', { name: `Link to ${JONAS_DEAL}` })
      .click();
    await expect.poll(() => touchesOf(JONAS_DEAL)).toBe(1);
    expect((await forKey(`linkedin-conversation:${JONAS_CONVERSATION_ID}`))?.deal.title).toBe(
      JONAS_DEAL,
    );
    await linkedin.evaluate(playLinkedInSends, 'click');
    const jonas = linkedin.locator('.msg-overlay-conversation-bubble').nth(1);
    await jonas.locator('div.msg-form__contenteditable').fill('Die Raten kommen morgen.');
    await jonas.locator('button.msg-form__send-button').click();
    await expect.poll(() => touchesOf(JONAS_DEAL)).toBe(2);
    await linkedin.waitForTimeout(500);
    expect(await touchesOf(SANNA_DEAL)).toBe(2);
  });

  it('links a conversation by itself once, and never again after the rep unlinks it, across reloads and tabs', async () => {
    await ask({
      type: 'deal.create',
      input: {
        title: 'Anadolu Lojistik: warehouse',
        company: 'Anadolu Lojistik',
        newContacts: [{ name: 'Kerem Yılmaz', linkedinMemberId: KEREM_ID }],
      },
    });
    await turnOnAutoLink(ext);
    await expect
      .poll(
        async () =>
          (
            await ask<{ autoLink: boolean }>({
              type: 'person.deals',
              person: { slug: null, memberId: KEREM_ID },
            })
          ).autoLink,
      )
      .toBe(true);

    await linkedin.goto(KEREM_CONVERSATION);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Anadolu Lojistik: warehouse' }).waitFor();
    await p.getByRole('button', { name: 'Unlink this thread' }).click();
    await p.getByRole('heading', { name: 'Conversation with Kerem Yılmaz' }).waitFor();

    for (const page of [linkedin, await ext.context.newPage()]) {
      if (page === linkedin) await page.reload();
      else await page.goto(KEREM_CONVERSATION);
      await panel(page)
        .getByRole('button', { name: 'Link to Anadolu Lojistik: warehouse' })
        .waitFor();
      await page.waitForTimeout(1_000);
      expect(await forKey(KEREM_KEY)).toBeNull();
    }
    // Only that conversation is kept unlinked: the setting still holds for the rest.
    const autoLinks = (linkKey: string | null) =>
      ask<{ autoLink: boolean }>({
        type: 'person.deals',
        person: { slug: null, memberId: KEREM_ID },
        linkKey,
      }).then((reply) => reply.autoLink);
    expect([await autoLinks(KEREM_KEY), await autoLinks(null)]).toEqual([false, true]);
  });

  it('shows the page’s own panel with a compact row per chat bubble below it', async () => {
    const keremBefore = await touchesOf('Anadolu Lojistik: warehouse');
    await linkedin.goto(KEREM_CONVERSATION);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Conversation with Kerem Yılmaz' }).waitFor();
    // The bubbles open over the messaging page, as LinkedIn opens them over any page.
    const html = readFileSync('tests/fixtures/linkedin/overlay-two-bubbles.html', 'utf8');
    await linkedin.evaluate((html) => {
      const overlay = new DOMParser()
        .parseFromString(html, 'text/html')
        .getElementById('msg-overlay')!;
      document.body.append(document.importNode(overlay, true));
    }, html);
    await row(linkedin, 'Sanna Korhonen').getByText(SANNA_DEAL).waitFor();
    await row(linkedin, 'Jonas Weber').getByText(JONAS_DEAL).waitFor();
    await expect(
      p.getByRole('heading', { name: 'Conversation with Kerem Yılmaz' }).count(),
    ).resolves.toBe(1);
    // The bubbles' deals stay their own: nothing of them lands on Kerem's deal.
    await linkedin.waitForTimeout(500);
    expect(await touchesOf('Anadolu Lojistik: warehouse')).toBe(keremBefore);
    expect(await touchesOf(SANNA_DEAL)).toBe(2);
  });

  it('links a chat bubble by itself when the rep’s setting says so', async () => {
    await ask({
      type: 'deal.create',
      input: {
        title: 'Acme Oy: Aino Virtanen',
        company: 'Acme Oy',
        newContacts: [
          { name: 'Aino Virtanen', linkedinUrl: 'https://www.linkedin.com/in/aino-virtanen/' },
        ],
      },
    });
    // A bubble whose event ids name no conversation is known by its person's profile.
    ext.pages[FEED] = 'linkedin/overlay.html';
    await linkedin.goto(FEED);
    await row(linkedin, 'Aino Virtanen').getByText('Acme Oy: Aino Virtanen').waitFor();
    await expect.poll(() => touchesOf('Acme Oy: Aino Virtanen')).toBe(2);
    expect((await forKey('linkedin-profile:aino-virtanen'))?.deal.title).toBe(
      'Acme Oy: Aino Virtanen',
    );
  });

  it('never let an error reach LinkedIn’s page', () => {
    expect(pageErrors).toEqual([]);
  });
});
