import { StorageError, validated } from './errors';
import { linkInput, type LinkInput } from './inputs';
import { linkSchema, type Link } from './schemas';
import type { StoreContext } from './db';
import { requireDeal } from './deal-record';
import { linkKey } from '../domain/link-key';
import { getSettings, updateSettings } from './settings';

export { linkKey };

export function findLink(ctx: StoreContext, key: string): Promise<Link | undefined> {
  return ctx.db.links.get(key);
}

/** Writes one link inside the caller's transaction; refuses a key linked to another deal. */
export async function putLink(ctx: StoreContext, dealId: string, input: LinkInput): Promise<Link> {
  const parsed = validated('link', linkInput, input);
  const key = linkKey(parsed);
  const existing = await ctx.db.links.get(key);
  if (existing && existing.dealId !== dealId) {
    const other = await ctx.db.deals.get(existing.dealId);
    throw new StorageError(
      'already-linked',
      `This is already linked to the deal "${other?.title ?? existing.dealId}"`,
      { field: 'link.key', dealId: existing.dealId, dealTitle: other?.title ?? null },
    );
  }
  if (existing) return existing;
  const link = validated('link', linkSchema, { ...parsed, key, dealId, createdAt: ctx.now() });
  await ctx.db.links.add(link);
  return link;
}

export function linkToDeal(ctx: StoreContext, dealId: string, input: LinkInput): Promise<Link> {
  const { db } = ctx;
  return db.transaction('rw', db.links, db.deals, async () => {
    await requireDeal(ctx, dealId);
    return putLink(ctx, dealId, input);
  });
}

/**
 * Removes a link. A LinkedIn conversation, chat bubble or profile the rep unlinks is
 * remembered, so that it is never linked again by itself (in any tab, after any reload).
 */
export async function unlink(ctx: StoreContext, key: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.links, db.settings, async () => {
    const removed = await db.links.get(key);
    await db.links.delete(key);
    if (removed && key.startsWith('linkedin-')) {
      const { linkedinUnlinked = [] } = await getSettings(ctx);
      const kept = [...linkedinUnlinked.filter((k) => k !== key), key].slice(-UNLINKED_KEPT);
      await updateSettings(ctx, { linkedinUnlinked: kept });
    }
  });
}

/** How many unlinked LinkedIn keys are remembered: the oldest are forgotten first. */
const UNLINKED_KEPT = 500;

export function linksOfDeal(ctx: StoreContext, dealId: string): Promise<Link[]> {
  return ctx.db.links.where('dealId').equals(dealId).toArray();
}
