import { describe, expect, it } from 'vitest';
import { createDeal } from '../../../storage/deals';
import { linkToDeal } from '../../../storage/links';
import { dealsOfPerson } from '../../../storage/people';
import { testStore } from './test-store';

// Versions before member ids kept a profile addressed by member id lowercased, like a slug:
// in the contact's profile address and in the profile link's key.
const MEMBER_ID = 'ACoAADk2Rw8BqL7xVn3Tz9pYc5mHs1JfE4uGa8w';
const LOWERED = MEMBER_ID.toLowerCase();
const profile = (id: string) => `https://www.linkedin.com/in/${id}/`;

async function legacyDeal(ctx: ReturnType<typeof testStore>) {
  const deal = await createDeal(ctx, {
    title: 'Nordkapp Logistics Oy: Sanna Korhonen',
    newContacts: [{ name: 'Sanna Korhonen', linkedinUrl: profile(LOWERED) }],
  });
  await linkToDeal(ctx, deal.id, { kind: 'linkedin-profile', externalId: LOWERED });
  return deal;
}

describe('member ids an earlier version stored lowercased', () => {
  it('still finds the person’s deal when a conversation names them by the exact-case id', async () => {
    const ctx = testStore();
    const deal = await legacyDeal(ctx);
    expect(await ctx.db.links.get(`linkedin-profile:${LOWERED}`)).toBeDefined();
    expect(await dealsOfPerson(ctx, { slug: null, memberId: MEMBER_ID })).toEqual({
      deals: [expect.objectContaining({ id: deal.id })],
      linked: deal.id,
    });
  });

  it('prefers an exact match: the lowercased key is looked up only when the exact id finds nothing', async () => {
    const ctx = testStore();
    const legacy = await legacyDeal(ctx);
    const exact = await createDeal(ctx, {
      title: 'Nordkapp Logistics Oy: framework agreement',
      newContacts: [
        { name: 'Sanna Korhonen', linkedinUrl: profile(MEMBER_ID), linkedinMemberId: MEMBER_ID },
      ],
    });
    await linkToDeal(ctx, exact.id, { kind: 'linkedin-profile', externalId: MEMBER_ID });
    expect(await dealsOfPerson(ctx, { slug: null, memberId: MEMBER_ID })).toEqual({
      deals: [expect.objectContaining({ id: exact.id })],
      linked: exact.id,
    });
    // And the lowercased id itself is a slug: it finds the legacy records only.
    expect((await dealsOfPerson(ctx, { slug: LOWERED, memberId: null })).linked).toBe(legacy.id);
  });
});
