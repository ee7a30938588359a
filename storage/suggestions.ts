import { domainOf, isFreeMail } from '../domain/prefill';
import type { Deal } from './schemas';
import type { StoreContext } from './db';

/**
 * Deals a thread probably belongs to: first those whose contacts share an address with its
 * participants, then those sharing a company domain (free-mail domains say nothing).
 * Open deals before closed ones, most recently updated first.
 */
export async function suggestDeals(
  ctx: StoreContext,
  emails: string[],
  limit = 5,
): Promise<Deal[]> {
  const addresses = [...new Set(emails.map((e) => e.toLowerCase()))];
  const domains = new Set(addresses.filter((e) => !isFreeMail(e)).map(domainOf));
  const [byAddress, byDomain] = await Promise.all([
    ctx.db.contacts.where('email').anyOf(addresses).primaryKeys(),
    domains.size === 0
      ? Promise.resolve([] as string[])
      : ctx.db.contacts
          .filter((c) => c.email !== null && domains.has(domainOf(c.email)))
          .primaryKeys(),
  ]);
  const rank = async (contactIds: string[]) =>
    contactIds.length === 0
      ? []
      : ctx.db.deals.where('contactIds').anyOf(contactIds).distinct().toArray();
  const seen = new Set<string>();
  const ordered: Deal[] = [];
  for (const group of [await rank(byAddress), await rank(byDomain)]) {
    group.sort(
      (a, b) =>
        Number(b.status === 'open') - Number(a.status === 'open') || b.updatedAt - a.updatedAt,
    );
    for (const deal of group) {
      if (!seen.has(deal.id)) {
        seen.add(deal.id);
        ordered.push(deal);
      }
    }
  }
  return ordered.slice(0, limit);
}

export interface LinkChip {
  dealId: string;
  title: string;
  stageName: string;
  status: Deal['status'];
}

/** For a list of link keys (inbox rows), the deal and stage each is linked to. */
export async function linkChips(
  ctx: StoreContext,
  keys: string[],
): Promise<Record<string, LinkChip>> {
  const links = (await ctx.db.links.bulkGet(keys)).filter((l) => l !== undefined);
  if (links.length === 0) return {};
  const [deals, settings] = await Promise.all([
    ctx.db.deals.bulkGet(links.map((l) => l.dealId)),
    ctx.db.settings.get('main'),
  ]);
  const stageNames = new Map(settings?.stages.map((s) => [s.id, s.name]));
  const chips: Record<string, LinkChip> = {};
  links.forEach((link, i) => {
    const deal = deals[i];
    if (deal) {
      chips[link.key] = {
        dealId: deal.id,
        title: deal.title,
        stageName: stageNames.get(deal.stageId) ?? deal.stageId,
        status: deal.status,
      };
    }
  });
  return chips;
}
