import { describe, expect, it } from 'vitest';
import { handleMessage, type RouterOptions } from '../../../background/router';
import { createDeal } from '../../../storage/deals';
import { linkToDeal } from '../../../storage/links';
import { updateSettings } from '../../../storage/settings';
import { testStore } from './test-store';

const KEREM_ID = 'ACoAACr9Tq2Bz4Hn_Wm8Lk3Vx7Pd1Gs6Jy0Fe5u';
const CONVERSATION = '2-YTQxZDdjM2ItMmU5Zi00YzY4LWIxZDUtM2Y4ZTZhMmM5YjA3XzEwMA==';
const KEY = `linkedin-conversation:${CONVERSATION}`;

describe('a LinkedIn conversation the rep unlinks is never linked again by itself', () => {
  it('remembers the unlink in the stored settings and answers autoLink false for that conversation only', async () => {
    const ctx = testStore();
    const options = {
      ctx,
      ownId: 'ext',
      ownOrigin: 'chrome-extension://ext',
      version: '1',
    } as unknown as RouterOptions;
    const sender = { id: 'ext', url: 'https://www.linkedin.com/feed/' };
    const ask = (message: unknown) => handleMessage(message, sender, options);
    const deal = await createDeal(ctx, {
      title: 'Anadolu Lojistik: warehouse',
      newContacts: [{ name: 'Kerem Yılmaz', linkedinMemberId: KEREM_ID }],
    });
    await updateSettings(ctx, { linkedinAutoLink: true });
    await linkToDeal(ctx, deal.id, { kind: 'linkedin-conversation', externalId: CONVERSATION });
    const autoLink = async (linkKey: string | null) => {
      const reply = await ask({
        type: 'person.deals',
        person: { slug: null, memberId: KEREM_ID },
        linkKey,
      });
      return reply.ok ? (reply.data as { autoLink: boolean }).autoLink : reply.error.message;
    };
    expect(await autoLink(KEY)).toBe(true);

    expect(await ask({ type: 'link.remove', key: KEY })).toMatchObject({ ok: true });
    // Read back from the database: what another tab, or this one after a reload, is told.
    expect((await ctx.db.settings.get('main'))?.linkedinUnlinked).toEqual([KEY]);
    expect(await autoLink(KEY)).toBe(false);
    expect(await autoLink('linkedin-conversation:2-b3RoZXI=')).toBe(true);
    // Removing a link that was not there, or a Gmail thread's, remembers nothing.
    await ask({ type: 'link.remove', key: 'linkedin-conversation:2-bm9uZQ==' });
    await ask({ type: 'link.remove', key: 'gmail:rep@example.com:18c1f0a2b3c4d5e6' });
    expect((await ctx.db.settings.get('main'))?.linkedinUnlinked).toEqual([KEY]);
  });
});
