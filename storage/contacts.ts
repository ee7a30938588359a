import { validated } from './errors';
import { contactInput, type ContactInput } from './inputs';
import { contactSchema, type Contact } from './schemas';
import type { StoreContext } from './db';

/** Writes one contact inside the caller's transaction. */
export async function putContact(ctx: StoreContext, input: ContactInput): Promise<Contact> {
  const parsed = validated('contact', contactInput, input);
  const contact = validated('contact', contactSchema, {
    ...parsed,
    id: crypto.randomUUID(),
    createdAt: ctx.now(),
  });
  await ctx.db.contacts.add(contact);
  return contact;
}

export function contactsOfDeal(ctx: StoreContext, contactIds: string[]): Promise<Contact[]> {
  return ctx.db.contacts.bulkGet(contactIds).then((found) => found.filter((c) => c !== undefined));
}
