import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtension, type Extension } from './harness';
import { panel } from './gmail-page';
import { playLinkedInSends, switchConversation, turnOnAutoLink } from './linkedin-page';

// LinkedIn as it really is: the profile names Sanna by her slug (and, on its top card, her member
// id); messaging names her by member id only (/in/ACoAA…?lipi=…).
const SLUG = 'sanna-korhonen-7b2a41';
const PROFILE = `https://www.linkedin.com/in/${SLUG}/`;
const SANNA_ID = 'ACoAADk2Rw8BqL7xVn3Tz9pYc5mHs1JfE4uGa8w';
const SANNA_CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-NmYyYzFhOWUtNGI3ZC00ZTIxLTljM2YtOGE1ZDJlN2IxYzQwXzEwMA==/';
const KEREM_CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-YTQxZDdjM2ItMmU5Zi00YzY4LWIxZDUtM2Y4ZTZhMmM5YjA3XzEwMA==/';
const JONAS_CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-YzNiOGUyZjEtN2E0ZC00YjllLThjMmEtMWQ2ZjVlM2I3YTk4XzEwMA==/';
const SANNA_KEY = `linkedin-profile:${SLUG}`;
const conversationId = (url: string) => new URL(url).pathname.split('/')[3]!;
const KEREM_KEY = `linkedin-conversation:${conversationId(KEREM_CONVERSATION)}`;
const JONAS_KEY = `linkedin-conversation:${conversationId(JONAS_CONVERSATION)}`;
const JONAS_ID = 'ACoAAFq3Wc8BmT1xKz5Rv7Np2Gh9Ld4Ys6Je0Hb';

type Stored = {
  deal: { id: string; title: string; touchCount: number };
  contacts: { name: string; linkedinUrl: string | null; linkedinMemberId: string | null }[];
} | null;

describe('LinkedIn: one person whether LinkedIn names them by profile address or member id', () => {
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
  const touches = async (key: string) => (await forKey(key))!.deal.touchCount;

  beforeAll(async () => {
    ext = await startExtension({
      pages: {
        [PROFILE]: 'linkedin/profile-2026-duplicates.html',
        [SANNA_CONVERSATION]: 'linkedin/messaging-member-ids.html',
        [KEREM_CONVERSATION]: 'linkedin/messaging-switch.html',
        [JONAS_CONVERSATION]: 'linkedin/messaging-de.html',
        'https://www.linkedin.com/feed/': 'linkedin/overlay-member-id.html',
        'https://www.linkedin.com/in/%E0%A4%A/': 'linkedin/profile.html',
        'https://www.linkedin.com/messaging/thread/%E0%A4%A/': 'linkedin/messaging.html',
      },
    });
    linkedin = await ext.context.newPage();
    linkedin.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(() => ext?.close());

  it('adds the prospect from a 2026 profile with only the right lines in the fields, keeping both ids', async () => {
    await linkedin.goto(PROFILE);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Sanna Korhonen' }).waitFor();
    await p.getByRole('button', { name: 'Add prospect' }).click();
    const form = p.getByRole('form', { name: 'Add prospect' });
    // Not the pronouns, the hidden "3rd", the "Talks about" line, the school or the split count.
    await expect(form.getByLabel('Headline').inputValue()).resolves.toBe(
      'Director of Procurement, Nordkapp Logistics · Sourcing & supplier networks',
    );
    await expect(form.getByLabel('Company').inputValue()).resolves.toBe('Nordkapp Logistics Oy');
    await expect(form.getByLabel('Location').inputValue()).resolves.toBe('Espoo, Uusimaa, Finland');
    await expect(form.getByLabel('Profile').inputValue()).resolves.toBe(PROFILE);
    await form.getByRole('button', { name: 'Save prospect' }).click();
    await p.getByLabel('Stage').waitFor();
    expect((await forKey(SANNA_KEY))?.contacts).toEqual([
      expect.objectContaining({
        name: 'Sanna Korhonen',
        linkedinUrl: PROFILE,
        linkedinMemberId: SANNA_ID,
      }),
    ]);
  });

  it('suggests her deal on the conversation that names her by member id, links it in one click and counts its messages', async () => {
    await linkedin.goto(SANNA_CONVERSATION);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Conversation with Sanna Korhonen' }).waitFor();
    await p.getByText('Suggested: deals with the same people or company').waitFor();
    await p.getByRole('button', { name: 'Link to Nordkapp Logistics Oy: Sanna Korhonen' }).click();
    await p.getByLabel('Stage').waitFor();
    await expect.poll(() => touches(SANNA_KEY)).toBe(4);
    // The panel hears of the recorded messages a moment after they are written.
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 1');
  });

  it('counts a send with Enter once, when Enter sends', async () => {
    await linkedin.evaluate(playLinkedInSends, 'enter');
    const composer = linkedin.locator('.msg-thread div.msg-form__contenteditable');
    await composer.fill('Invite sent for Thursday 10:00.');
    await composer.press('Enter');
    await expect.poll(() => touches(SANNA_KEY)).toBe(5);
    await linkedin.waitForTimeout(500);
    expect(await touches(SANNA_KEY)).toBe(5);
  });

  it('leaves nothing behind for Enter when Enter makes a new line, and counts Send', async () => {
    ext.pages[SANNA_CONVERSATION] = 'linkedin/messaging-enter-off.html';
    await linkedin.reload();
    const p = panel(linkedin);
    await p.getByLabel('Stage').waitFor();
    await linkedin.evaluate(playLinkedInSends, 'click');
    const composer = linkedin.locator('.msg-thread div.msg-form__contenteditable');
    await composer.fill('Agenda:');
    await composer.press('Enter');
    await linkedin.waitForTimeout(1_500);
    expect(await touches(SANNA_KEY)).toBe(5);
    await linkedin.locator('.msg-thread button.msg-form__send-button').click();
    await expect.poll(() => touches(SANNA_KEY)).toBe(6);
  });

  it('never records one conversation’s messages on another’s deal when the old pane lingers after a switch', async () => {
    await ask({
      type: 'deal.create',
      input: {
        title: 'Anadolu Lojistik: warehouse',
        company: 'Anadolu Lojistik',
        newContacts: [{ name: 'Kerem Yılmaz' }],
        links: [
          {
            kind: 'linkedin-conversation',
            externalId: conversationId(KEREM_CONVERSATION),
            label: 'Kerem Yılmaz',
          },
        ],
      },
    });
    const sannaBefore = await touches(SANNA_KEY);
    const p = panel(linkedin);
    // The address is Kerem's at once; Sanna's pane stays for 2 seconds.
    await switchConversation(
      linkedin,
      new URL(KEREM_CONVERSATION).pathname,
      'linkedin/messaging-switch.html',
      2_000,
    );
    await p.getByRole('heading', { name: 'Anadolu Lojistik: warehouse' }).waitFor();
    await expect.poll(() => touches(KEREM_KEY)).toBe(2);
    // And straight back, the other way round.
    await switchConversation(
      linkedin,
      new URL(SANNA_CONVERSATION).pathname,
      'linkedin/messaging-member-ids.html',
      1_000,
    );
    await p.getByRole('heading', { name: 'Nordkapp Logistics Oy: Sanna Korhonen' }).waitFor();
    await linkedin.waitForTimeout(800);
    expect(await touches(KEREM_KEY)).toBe(2);
    expect(await touches(SANNA_KEY)).toBe(sannaBefore);
  });

  it('counts a chat bubble that names her by member id toward her deal', async () => {
    const before = await touches(SANNA_KEY);
    await linkedin.goto('https://www.linkedin.com/feed/');
    await expect.poll(() => touches(SANNA_KEY)).toBe(before + 2);
  });

  it('links a conversation by itself when the rep’s setting says so', async () => {
    await ask({
      type: 'deal.create',
      input: {
        title: 'Rhein Logistik: Q1 freight',
        company: 'Rhein Logistik GmbH',
        newContacts: [{ name: 'Jonas Weber', linkedinMemberId: JONAS_ID }],
      },
    });
    await turnOnAutoLink(ext);
    await expect
      .poll(
        async () =>
          (
            await ask<{ autoLink: boolean }>({
              type: 'person.deals',
              person: { slug: null, memberId: JONAS_ID },
            })
          ).autoLink,
      )
      .toBe(true);
    await linkedin.goto(JONAS_CONVERSATION);
    const p = panel(linkedin);
    await p.getByRole('heading', { name: 'Rhein Logistik: Q1 freight' }).waitFor();
    await expect.poll(async () => (await forKey(JONAS_KEY))?.deal.touchCount).toBe(5);
  });

  it('shows the quiet "can’t read this page" panel for an address with a malformed escape', async () => {
    for (const address of [
      'https://www.linkedin.com/in/%E0%A4%A/',
      'https://www.linkedin.com/messaging/thread/%E0%A4%A/',
    ]) {
      await linkedin.goto(address);
      await panel(linkedin)
        .getByText("Threadline can't read this page: its address doesn't look as expected.")
        .waitFor();
    }
  });

  it('never let an error reach LinkedIn’s page', () => {
    expect(pageErrors).toEqual([]);
  });
});
