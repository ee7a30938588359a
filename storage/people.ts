import { validated } from './errors';
import { isLinkedInMemberId, linkKey } from '../domain/link-key';
import { contactSchema, type Contact, type Deal } from './schemas';
import type { StoreContext } from './db';
import { profileUrlOf } from '../sites/linkedin/route';

/**
 * One LinkedIn person as a page names them: by the profile's slug (profile addresses), by
 * member id (messaging headers, senders, chat bubbles, the profile's top card), or both.
 */
export interface LinkedInPerson {
  slug: string | null;
  memberId: string | null;
}

/** The contacts this person is: by profile address (slug or member id) or by member id, compared exactly. */
export async function contactsOfPerson(
  ctx: StoreContext,
  person: LinkedInPerson,
): Promise<Contact[]> {
  const urls = [person.slug, person.memberId].filter((id) => id !== null).map(profileUrlOf);
  const [byUrl, byId] = await Promise.all([
    urls.length ? ctx.db.contacts.where('linkedinUrl').anyOf(urls).toArray() : [],
    person.memberId
      ? ctx.db.contacts.where('linkedinMemberId').equals(person.memberId).toArray()
      : [],
  ]);
  const legacy = legacyMemberId(person.memberId);
  const exact = (url: string) => byId.length > 0 || byUrl.some((c) => c.linkedinUrl === url);
  const byLegacyUrl =
    legacy && !exact(profileUrlOf(person.memberId!))
      ? await ctx.db.contacts.where('linkedinUrl').equals(profileUrlOf(legacy)).toArray()
      : [];
  return [...new Map([...byUrl, ...byId, ...byLegacyUrl].map((c) => [c.id, c])).values()];
}

/**
 * The member id as versions before member ids kept it (lowercased, in profile addresses and
 * link keys), when that differs: looked up only where the exact id finds nothing, since ids
 * are case-sensitive and the exact one always wins.
 */
function legacyMemberId(memberId: string | null): string | null {
  const lower = memberId?.toLowerCase();
  return lower && lower !== memberId ? lower : null;
}

/** The links of a person's profile: by slug and exact member id, else by the legacy lowercased id. */
async function profileLinks(ctx: StoreContext, person: LinkedInPerson) {
  const key = (externalId: string) =>
    linkKey({ kind: 'linkedin-profile', account: null, externalId });
  const [bySlug, byId] = await ctx.db.links.bulkGet([
    person.slug ? key(person.slug) : '',
    person.memberId ? key(person.memberId) : '',
  ]);
  const legacy = legacyMemberId(person.memberId);
  // A lowercased key is a slug's key to linkKey: built by hand, as the earlier version wrote it.
  const byLegacy =
    !byId && legacy ? await ctx.db.links.get(`linkedin-profile:${legacy}`) : undefined;
  return [bySlug, byId ?? byLegacy];
}

/**
 * The deals of a person: first the deal their profile (by slug or member id) is linked to,
 * then the deals their contact is on, open before closed, most recently updated first.
 * `linked` is the profile-linked deal, if any.
 */
export async function dealsOfPerson(
  ctx: StoreContext,
  person: LinkedInPerson,
): Promise<{ deals: Deal[]; linked: string | null }> {
  const [links, contacts] = await Promise.all([
    profileLinks(ctx, person),
    contactsOfPerson(ctx, person),
  ]);
  const linkedIds = links.flatMap((l) => (l ? [l.dealId] : []));
  const [linked, ofContacts] = await Promise.all([
    ctx.db.deals.bulkGet(linkedIds),
    contacts.length
      ? ctx.db.deals
          .where('contactIds')
          .anyOf(contacts.map((c) => c.id))
          .distinct()
          .toArray()
      : [],
  ]);
  const rest = ofContacts
    .filter((d) => !linkedIds.includes(d.id))
    .sort(
      (a, b) =>
        Number(b.status === 'open') - Number(a.status === 'open') || b.updatedAt - a.updatedAt,
    );
  const first = linked.flatMap((d) => (d ? [d] : []));
  return { deals: [...first, ...rest], linked: first[0]?.id ?? null };
}

export interface LearnInput {
  memberId: string;
  /** The profile the member id was seen on. */
  slug?: string | null;
  /** Or: the deal a conversation with this person was linked to, and the person's name there. */
  dealId?: string | null;
  name?: string;
}

/**
 * Gives a contact the member id a page shows beside their profile address (or beside their
 * name, in a conversation linked to their deal). A member id belongs to one contact only:
 * when another contact has it already, or the person is not one contact, nothing changes.
 */
export async function learnMemberId(ctx: StoreContext, input: LearnInput): Promise<Contact | null> {
  const { db } = ctx;
  if (!isLinkedInMemberId(input.memberId)) return null;
  // Most pages teach nothing new: that is found in a read, which does not hold up a panel
  // reading the same tables; only a contact that learns opens a write (and looks again).
  const toTeach = () => contactToTeach(ctx, input);
  if (!(await db.transaction('r', db.contacts, db.deals, toTeach))) return null;
  return db.transaction('rw', db.contacts, db.deals, async () => {
    const contact = await toTeach();
    if (!contact) return null;
    const learnt = validated('contact', contactSchema, {
      ...contact,
      linkedinMemberId: input.memberId,
    });
    await db.contacts.put(learnt);
    return learnt;
  });
}

/** The one contact that should take the member id, if any. */
async function contactToTeach(ctx: StoreContext, input: LearnInput): Promise<Contact | null> {
  const { db } = ctx;
  if (await db.contacts.where('linkedinMemberId').equals(input.memberId).count()) return null;
  let candidates: Contact[] = [];
  if (input.slug) {
    candidates = await db.contacts.where('linkedinUrl').equals(profileUrlOf(input.slug)).toArray();
  } else if (input.dealId && input.name?.trim()) {
    const deal = await db.deals.get(input.dealId);
    const name = input.name.trim().toLocaleLowerCase();
    candidates = (await db.contacts.bulkGet(deal?.contactIds ?? [])).filter(
      (c): c is Contact => !!c && c.name.trim().toLocaleLowerCase() === name,
    );
  }
  const [contact, ...others] = candidates;
  return !contact || others.length > 0 || contact.linkedinMemberId ? null : contact;
}
