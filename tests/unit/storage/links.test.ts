import { describe, expect, it } from 'vitest';
import { createDeal } from '../../../storage/deals';
import { StorageError } from '../../../storage/errors';
import type { LinkInput } from '../../../storage/inputs';
import { linkToDeal } from '../../../storage/links';
import { testStore } from './test-store';

async function refusal(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

const profile: LinkInput = {
  kind: 'linkedin-profile',
  externalId: 'aino-virtanen',
  url: 'https://www.linkedin.com/in/aino-virtanen/',
  label: 'Aino',
};
const thread: LinkInput = {
  kind: 'gmail-thread',
  account: 'rep@example.com',
  externalId: 'thread-f:1790000000000000001',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
  label: 'Pricing',
};

/** Links a page, an import or a bug could hand the storage layer, and the field each gets wrong. */
const HOSTILE: [LinkInput, string][] = [
  [{ ...profile, url: 'javascript:alert(document.domain)' }, 'link.url'],
  [{ ...profile, url: 'data:text/html,<script>alert(1)</script>' }, 'link.url'],
  [{ ...profile, url: 'https://evil.example/in/phish/' }, 'link.url'],
  [{ ...profile, url: 'http://www.linkedin.com/in/aino-virtanen/' }, 'link.url'],
  [{ ...profile, url: 'https://www.linkedin.com.evil.example/in/aino-virtanen/' }, 'link.url'],
  [{ ...profile, url: 'https://mail.google.com/mail/u/0/' }, 'link.url'],
  [{ ...profile, url: 'https://user:pass@www.linkedin.com/in/aino-virtanen/' }, 'link.url'],
  [{ ...profile, externalId: '../../feed' }, 'link.externalId'],
  [{ ...thread, url: 'https://www.linkedin.com/in/aino-virtanen/' }, 'link.url'],
  [{ ...thread, url: 'javascript://mail.google.com/%0aalert(1)' }, 'link.url'],
  [{ ...thread, externalId: 'javascript:alert(1)' }, 'link.externalId'],
  [{ ...thread, externalId: 'token:"><img src=x>' }, 'link.externalId'],
  [{ ...thread, account: 'evil.example/#' }, 'link.account'],
  [{ kind: 'linkedin-conversation', externalId: '2-abc/../../x', label: '' }, 'link.externalId'],
];

describe('links are checked where they are stored', () => {
  it('keeps the links the sites give', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, {
      title: 'Acme',
      links: [
        profile,
        thread,
        { kind: 'linkedin-conversation', externalId: '2-ZjE3NGI0==', label: '' },
      ],
    });
    expect(await ctx.db.links.where('dealId').equals(deal.id).count()).toBe(3);
  });

  it('refuses any other address or id, naming the field, and writes nothing', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Acme' });
    for (const [link, field] of HOSTILE) {
      const added = await refusal(linkToDeal(ctx, deal.id, link));
      expect(added.details.field, JSON.stringify(link)).toBe(field);
      expect(added.message).toContain(field);
      const created = await refusal(createDeal(ctx, { title: 'From the page', links: [link] }));
      expect(created.details.field).toBe(field.replace('link.', 'deal.links.0.'));
    }
    expect(await ctx.db.links.count()).toBe(0);
    expect((await ctx.db.deals.toArray()).map((d) => d.title)).toEqual(['Acme']);
  });
});
