import { linkChips, suggestDeals } from '../../storage/suggestions';
import { findSameContact } from '../../storage/prospects';
import { dealsOfPerson, learnMemberId } from '../../storage/people';
import { readSettings } from '../../storage/settings';
import type { HandlerTable } from './handler';

/** Who a page shows: their deals, suggestions and link chips. */
export const peopleHandlers = {
  'deal.suggest': (request, { ctx }) => suggestDeals(ctx, request.emails),
  'links.chips': (request, { ctx }) => linkChips(ctx, request.keys),
  'contact.same': (request, { ctx }) => findSameContact(ctx, request),
  'person.deals': async (request, { ctx }) => {
    const [found, settings] = await Promise.all([
      dealsOfPerson(ctx, request.person),
      readSettings(ctx),
    ]);
    const keptUnlinked = request.linkKey
      ? (settings.linkedinUnlinked ?? []).includes(request.linkKey)
      : false;
    return { ...found, autoLink: settings.linkedinAutoLink === true && !keptUnlinked };
  },
  'person.learn': async (request, { ctx }) => ({
    learnt: (await learnMemberId(ctx, request)) !== null,
  }),
} satisfies Partial<HandlerTable>;
