import { companyDomain, sameCompany, type CompanyFacts } from '../domain/company-match';
import { StorageError, validated } from './errors';
import type { CreateDealInput } from './inputs';
import { ownerName } from './schemas';
import type { StoreContext } from './db';
import { openDeals } from './queries';
import { getSettings, readSettings } from './settings';

// Who owns which deal: the team member this browser signs in as, the deals made before the
// rep joined (theirs once they join), and the open deals of a company a new deal would repeat.

/**
 * Records who this browser signs in to the team as (null: it left the team). On joining, the
 * rep's deals with no owner become theirs, and so do the deals that carry the name they had
 * in a team they left: an ordinary write, so it goes to the team too. On leaving, the name is
 * kept as the former one: the rep's own deals carry it, a teammate's deal another, so the
 * queue, badge and nudges still count only the rep's (domain/owners.ts repsOwnerName).
 */
export async function setTeamMember(ctx: StoreContext, name: string | null): Promise<number> {
  const member = name === null ? null : validated('owner', ownerName, name);
  const { db } = ctx;
  return db.transaction('rw', db.deals, db.settings, async () => {
    const settings = await getSettings(ctx);
    const former = settings.formerTeamMember ?? null;
    const formerTeamMember = member === null ? (settings.teamMember ?? former) : null;
    if (settings.teamMember !== member || former !== formerTeamMember)
      await db.settings.put({ ...settings, teamMember: member, formerTeamMember });
    if (member === null) return 0;
    const now = ctx.now();
    const renamed = former !== null && former !== member ? former : null;
    return db.deals
      .filter((deal) => !deal.owner || deal.owner === renamed)
      .modify((deal) => {
        deal.owner = member;
        deal.updatedAt = now;
      });
  });
}

/** The owners of deals here, from the owner index alone: the names a deal can be handed to. */
export async function knownOwners(ctx: StoreContext): Promise<string[]> {
  return (await ctx.db.deals.orderBy('owner').uniqueKeys()) as string[];
}

/** An open deal of the same company as a deal about to be made. */
export interface SimilarDeal {
  id: string;
  title: string;
  company: string;
  owner: string | null;
}

/**
 * The open deals for the same company as `candidate` (domain/company-match.ts), at most
 * `limit`. Names are compared over the open deals; addresses through the contacts' email
 * index, so only the contacts at the candidate's company domains are read.
 */
export async function similarOpenDeals(
  ctx: StoreContext,
  candidate: CompanyFacts,
  limit = 3,
): Promise<SimilarDeal[]> {
  const domains = new Set(candidate.emails.map(companyDomain).filter((d) => d !== null));
  const byContact = new Set<string>();
  if (domains.size > 0) {
    const emails = (await ctx.db.contacts.orderBy('email').uniqueKeys()) as string[];
    const atCompany = emails.filter((email) => domains.has(companyDomain(email) ?? ''));
    const contactIds = await ctx.db.contacts.where('email').anyOf(atCompany).primaryKeys();
    for (const id of contactIds) byContact.add(id);
  }
  const similar: SimilarDeal[] = [];
  for (const deal of await openDeals(ctx)) {
    if (similar.length >= limit) break;
    const matches =
      deal.contactIds.some((id) => byContact.has(id)) ||
      sameCompany(candidate, { company: deal.company, emails: [] });
    if (matches)
      similar.push({ id: deal.id, title: deal.title, company: deal.company, owner: deal.owner });
  }
  return similar;
}

/**
 * Refuses a new deal, in a team, for a company that already has an open deal, naming those
 * deals and their owners: two reps must not chase one company without knowing. The rep can
 * open one or create the deal anyway (the request then says so). `inWords` words the refusal
 * for the rep (the worker, in their language), so the panel only shows it.
 */
export async function refuseRepeatedCompany(
  ctx: StoreContext,
  input: CreateDealInput,
  inWords: (deal: SimilarDeal) => string | Promise<string> = (deal) =>
    `${deal.owner ?? 'Someone'} already has an open deal for this company: ${deal.title}`,
): Promise<void> {
  if (!(await readSettings(ctx)).teamMember) return;
  const known = await ctx.db.contacts.bulkGet(input.contactIds ?? []);
  const emails = [...(input.newContacts ?? []), ...known].flatMap((c) => c?.email ?? []);
  const similar = await similarOpenDeals(ctx, { company: input.company ?? '', emails });
  if (similar.length === 0) return;
  throw new StorageError('confirm-required', await inWords(similar[0]!), { similar });
}
