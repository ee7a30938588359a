import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../../background/router';
import { createDeal } from '../../../storage/deals';
import { linkKey } from '../../../domain/link-key';
import { linkToDeal } from '../../../storage/links';
import { dealsOfPerson, learnMemberId } from '../../../storage/people';
import { addProspect, findSameContact } from '../../../storage/prospects';
import { updateSettings } from '../../../storage/settings';
import { testStore } from './test-store';

const SANNA = {
  slug: 'sanna-korhonen-7b2a41',
  memberId: 'ACoAADk2Rw8BqL7xVn3Tz9pYc5mHs1JfE4uGa8w',
};
const PROFILE = `https://www.linkedin.com/in/${SANNA.slug}/`;
const prospect = {
  name: 'Sanna Korhonen',
  company: 'Nordkapp Logistics Oy',
  headline: 'Director of Procurement',
  location: 'Espoo',
  linkedinUrl: PROFILE,
};

describe('one LinkedIn person, by profile address or member id', () => {
  it('finds the deal of a prospect saved from their profile by either id, and by neither id in another case', async () => {
    const ctx = testStore();
    const deal = await addProspect(ctx, {
      contact: { ...prospect, linkedinMemberId: SANNA.memberId },
      slug: SANNA.slug,
    });
    expect(await ctx.db.contacts.toArray()).toEqual([
      expect.objectContaining({ linkedinUrl: PROFILE, linkedinMemberId: SANNA.memberId }),
    ]);
    // A conversation names her by member id only; a profile page by slug only.
    expect(await dealsOfPerson(ctx, { slug: null, memberId: SANNA.memberId })).toEqual({
      deals: [expect.objectContaining({ id: deal.id })],
      linked: null,
    });
    expect(await dealsOfPerson(ctx, { slug: SANNA.slug, memberId: null })).toEqual({
      deals: [expect.objectContaining({ id: deal.id })],
      linked: deal.id,
    });
    // Member ids are compared exactly as LinkedIn writes them.
    expect(
      (await dealsOfPerson(ctx, { slug: null, memberId: SANNA.memberId.replace('Rw8B', 'rw8b') }))
        .deals,
    ).toEqual([]);
  });

  it('keeps a contact saved before member ids (its address only) working, and teaches it the member id its profile shows', async () => {
    const ctx = testStore();
    const deal = await addProspect(ctx, { contact: prospect, slug: SANNA.slug });
    expect((await ctx.db.contacts.toArray())[0]?.linkedinMemberId).toBeNull();
    expect((await dealsOfPerson(ctx, { slug: null, memberId: SANNA.memberId })).deals).toEqual([]);
    // The rep opens her profile again: its top card shows the member id.
    expect(await learnMemberId(ctx, { memberId: SANNA.memberId, slug: SANNA.slug })).toMatchObject({
      linkedinMemberId: SANNA.memberId,
    });
    expect(
      (await dealsOfPerson(ctx, { slug: null, memberId: SANNA.memberId })).deals.map((d) => d.id),
    ).toEqual([deal.id]);
  });

  it('learns a member id from a conversation linked to the deal, for the contact of that name only', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, {
      title: 'Tender',
      newContacts: [
        { name: 'Sanna Korhonen', email: 'sanna@nordkapp.fi' },
        { name: 'Jussi Laine', email: 'jussi@nordkapp.fi' },
      ],
    });
    await linkToDeal(ctx, deal.id, { kind: 'linkedin-conversation', externalId: '2-abc==' });
    expect(
      await learnMemberId(ctx, {
        memberId: SANNA.memberId,
        dealId: deal.id,
        name: 'sanna korhonen',
      }),
    ).toMatchObject({ email: 'sanna@nordkapp.fi', linkedinMemberId: SANNA.memberId });
    // A member id belongs to one contact: Jussi cannot take Sanna's.
    expect(
      await learnMemberId(ctx, { memberId: SANNA.memberId, dealId: deal.id, name: 'Jussi Laine' }),
    ).toBeNull();
    // And a chat bubble naming her by member id now finds her deal.
    expect(
      (await dealsOfPerson(ctx, { slug: null, memberId: SANNA.memberId })).deals.map((d) => d.id),
    ).toEqual([deal.id]);
  });

  it('merges a profile into the contact that has its member id, and refuses to give one member id to two contacts', async () => {
    const ctx = testStore();
    const fromGmail = await createDeal(ctx, {
      title: 'Tender',
      newContacts: [
        { name: 'S. Korhonen', email: 'sanna@nordkapp.fi', linkedinMemberId: SANNA.memberId },
      ],
    });
    const same = await findSameContact(ctx, {
      name: 'Sanna Korhonen',
      company: 'Nordkapp Logistics Oy',
      linkedinUrl: PROFILE,
      linkedinMemberId: SANNA.memberId,
    });
    expect(same).toMatchObject({
      contact: { email: 'sanna@nordkapp.fi' },
      deals: [{ id: fromGmail.id }],
    });
    await expect(
      addProspect(ctx, {
        contact: { ...prospect, linkedinMemberId: SANNA.memberId },
        slug: SANNA.slug,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await addProspect(ctx, {
      contact: { ...prospect, linkedinMemberId: SANNA.memberId },
      slug: SANNA.slug,
      mergeInto: same!.contact.id,
    });
    expect(await ctx.db.contacts.toArray()).toEqual([
      expect.objectContaining({
        email: 'sanna@nordkapp.fi',
        linkedinUrl: PROFILE,
        linkedinMemberId: SANNA.memberId,
      }),
    ]);
  });

  it('puts the profile’s deal first, then open deals before closed ones', async () => {
    const ctx = testStore();
    const older = await createDeal(ctx, {
      title: 'Old one',
      newContacts: [
        { name: 'Sanna Korhonen', linkedinUrl: PROFILE, linkedinMemberId: SANNA.memberId },
      ],
    });
    const contactId = older.contactIds[0]!;
    ctx.tick(1_000);
    const newer = await createDeal(ctx, { title: 'New one', contactIds: [contactId] });
    ctx.tick(1_000);
    const linked = await createDeal(ctx, {
      title: 'Profile’s',
      contactIds: [contactId],
      links: [{ kind: 'linkedin-profile', externalId: SANNA.memberId }],
    });
    expect((await dealsOfPerson(ctx, SANNA)).deals.map((d) => d.title)).toEqual([
      linked.title,
      newer.title,
      older.title,
    ]);
  });

  it('keys a profile link by its slug in any case, and by its member id exactly', () => {
    expect(
      linkKey({ kind: 'linkedin-profile', account: null, externalId: 'Sanna-Korhonen-7B2A41' }),
    ).toBe('linkedin-profile:sanna-korhonen-7b2a41');
    expect(linkKey({ kind: 'linkedin-profile', account: null, externalId: SANNA.memberId })).toBe(
      `linkedin-profile:${SANNA.memberId}`,
    );
  });

  it('answers a content script with the person’s deals and whether to link by itself', async () => {
    const ctx = testStore();
    const deal = await addProspect(ctx, {
      contact: { ...prospect, linkedinMemberId: SANNA.memberId },
      slug: SANNA.slug,
    });
    const options = {
      ctx,
      ownId: 'ext',
      ownOrigin: 'chrome-extension://ext',
      version: '1',
      openDashboard: async () => {},
      openDeal: async () => {},
      loadCatalog: async () => ({}),
    };
    const sender = { id: 'ext', url: 'https://www.linkedin.com/messaging/thread/2-abc==/' };
    const ask = () =>
      handleMessage(
        { type: 'person.deals', person: { slug: null, memberId: SANNA.memberId } },
        sender,
        options as never,
      );
    expect(await ask()).toEqual({
      ok: true,
      data: { deals: [expect.objectContaining({ id: deal.id })], linked: null, autoLink: false },
    });
    await updateSettings(ctx, { linkedinAutoLink: true });
    expect(await ask()).toMatchObject({ ok: true, data: { autoLink: true } });
    // A member id is checked on arrival.
    expect(
      await handleMessage(
        { type: 'person.deals', person: { slug: null, memberId: 'javascript:alert(1)' } },
        sender,
        options as never,
      ),
    ).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });
});
