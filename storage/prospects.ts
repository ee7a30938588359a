import { StorageError, validated } from './errors';
import { addProspectInput, type AddProspectInput } from './inputs';
import { contactSchema, type Contact, type Deal } from './schemas';
import type { StoreContext } from './db';
import { createDeal } from './deals';
import { contactsOfPerson } from './people';

export { addProspectInput, type AddProspectInput } from './inputs';

const same = (a: string, b: string) =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The contacts holding this profile address or this member id (each belongs to one contact). */
async function profileOwners(
  ctx: StoreContext,
  linkedinUrl: string | null,
  memberId: string | null | undefined,
): Promise<Contact[]> {
  const byUrl = linkedinUrl
    ? await ctx.db.contacts.where('linkedinUrl').equals(linkedinUrl).toArray()
    : [];
  const byId = memberId ? await contactsOfPerson(ctx, { slug: null, memberId }) : [];
  return [...byUrl, ...byId.filter((c) => !byUrl.some((u) => u.id === c.id))];
}

/**
 * A contact that is already this person: the same profile address or member id, or the same
 * name at the same company (found by email in Gmail, say). Null when there is none.
 */
export async function findSameContact(
  ctx: StoreContext,
  person: {
    name: string;
    company: string;
    linkedinUrl: string | null;
    linkedinMemberId?: string | null;
  },
): Promise<{ contact: Contact; deals: Deal[] } | null> {
  const [byProfile] = await profileOwners(ctx, person.linkedinUrl, person.linkedinMemberId);
  const byName =
    byProfile ??
    (person.name.trim() && person.company.trim()
      ? await ctx.db.contacts
          .where('name')
          .equalsIgnoreCase(person.name.trim())
          .filter((c) => same(c.company, person.company))
          .first()
      : undefined);
  if (!byName) return null;
  const deals = await ctx.db.deals.where('contactIds').equals(byName.id).toArray();
  return { contact: byName, deals };
}

/**
 * Adds a LinkedIn profile as a prospect: a deal in the first stage, linked to the profile,
 * with the person as a new contact, or merged into the contact they already are.
 */
export async function addProspect(ctx: StoreContext, input: AddProspectInput): Promise<Deal> {
  const parsed = validated('prospect', addProspectInput, input);
  const { db } = ctx;
  return db.transaction(
    'rw',
    [db.deals, db.contacts, db.links, db.stageHistory, db.settings],
    async () => {
      const owner = (
        await profileOwners(ctx, parsed.contact.linkedinUrl, parsed.contact.linkedinMemberId)
      ).find((c) => c.id !== parsed.mergeInto);
      if (owner && owner.id !== parsed.mergeInto) {
        throw new StorageError(
          'conflict',
          `This profile already belongs to the contact ${owner.name}`,
          { field: 'contact.linkedinUrl', contactId: owner.id },
        );
      }
      const link = {
        kind: 'linkedin-profile' as const,
        externalId: parsed.slug,
        url: parsed.contact.linkedinUrl,
        label: parsed.contact.name,
      };
      const title = parsed.contact.company
        ? `${parsed.contact.company}: ${parsed.contact.name}`
        : parsed.contact.name || parsed.slug;
      if (!parsed.mergeInto) {
        return createDeal(ctx, {
          title,
          company: parsed.contact.company,
          notes: parsed.notes,
          newContacts: [parsed.contact],
          links: [link],
        });
      }
      const existing = await db.contacts.get(parsed.mergeInto);
      if (!existing)
        throw new StorageError('not-found', `No contact with id ${parsed.mergeInto}`, {
          field: 'mergeInto',
        });
      // Fill in what the profile adds; keep what the rep already had.
      const merged = validated('contact', contactSchema, {
        ...existing,
        linkedinUrl: parsed.contact.linkedinUrl,
        linkedinMemberId: existing.linkedinMemberId ?? parsed.contact.linkedinMemberId,
        headline: existing.headline || parsed.contact.headline,
        location: existing.location || parsed.contact.location,
        company: existing.company || parsed.contact.company,
      });
      await db.contacts.put(merged);
      return createDeal(ctx, {
        title,
        company: merged.company,
        notes: parsed.notes,
        contactIds: [merged.id],
        links: [link],
      });
    },
  );
}
