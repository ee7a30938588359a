import { dealViewForKey, loadDealView } from '../../storage/deal-view';
import {
  closeDeal,
  createDeal,
  deleteDeal,
  moveStage,
  reopenDeal,
  setBant,
  snoozeDeal,
  tickExitItem,
  updateDeal,
} from '../../storage/deals';
import { linkToDeal, unlink } from '../../storage/links';
import { dueDeals, searchDeals } from '../../storage/queries';
import { cancelPendingTouch, recordTouch } from '../../storage/touches';
import { recordTouches } from '../../storage/record-touches';
import { addProspect } from '../../storage/prospects';
import { refuseRepeatedCompany } from '../../storage/owners';
import { similarDealWords } from '../similar-deal-words';
import { letPanelReadsGoFirst } from '../page-touches-wait';
import { requireDeal } from '../../storage/deal-record';
import { setDealPrivate } from '../../storage/deal-privacy';
import type { HandlerTable } from './handler';

/** Deals, their links, stages and touches. */
export const dealHandlers = {
  'deal.create': async (request, { ctx }) => {
    if (!request.confirm)
      await refuseRepeatedCompany(ctx, request.input, (deal) => similarDealWords(ctx, deal));
    return loadDealView(ctx, await createDeal(ctx, request.input));
  },
  'deal.update': async (request, { ctx }) =>
    loadDealView(ctx, await updateDeal(ctx, request.input)),
  'deal.delete': async (request, { ctx }) => {
    await deleteDeal(ctx, request.dealId, request.confirm);
    return { deleted: true };
  },
  'deal.get': async (request, { ctx }) => loadDealView(ctx, await requireDeal(ctx, request.dealId)),
  'deal.forKey': (request, { ctx }) => dealViewForKey(ctx, request.key),
  'deal.search': (request, { ctx }) => searchDeals(ctx, request.query, request.limit),
  'link.add': async (request, { ctx }) => {
    await linkToDeal(ctx, request.dealId, request.link);
    return loadDealView(ctx, await requireDeal(ctx, request.dealId));
  },
  'link.remove': async (request, { ctx }) => {
    await unlink(ctx, request.key);
    return { removed: true };
  },
  'touch.record': async (request, { ctx }) => {
    const result = await recordTouch(ctx, request.input);
    return { ...(await loadDealView(ctx, result.deal)), created: result.created };
  },
  'stage.move': async (request, { ctx }) =>
    loadDealView(ctx, await moveStage(ctx, request.dealId, request.stageId)),
  'bant.set': async (request, { ctx }) => loadDealView(ctx, await setBant(ctx, request.input)),
  'exit.tick': async (request, { ctx }) =>
    loadDealView(ctx, await tickExitItem(ctx, request.dealId, request.itemId, request.checked)),
  'deal.snooze': async (request, { ctx }) =>
    loadDealView(ctx, await snoozeDeal(ctx, request.dealId, request.until)),
  'deal.setPrivate': async (request, { ctx }) =>
    loadDealView(ctx, await setDealPrivate(ctx, request.dealId, request.private)),
  'deal.close': async (request, { ctx }) => loadDealView(ctx, await closeDeal(ctx, request.input)),
  'deal.reopen': async (request, { ctx }) =>
    loadDealView(ctx, await reopenDeal(ctx, request.dealId)),
  'due.list': (_request, { ctx }) => dueDeals(ctx),
  'touches.sync': async (request, { ctx }) => {
    await letPanelReadsGoFirst();
    const result = await recordTouches(ctx, request.inputs);
    return {
      created: result.created,
      // Messages all known already changed nothing: the page shows the deal as it is.
      view: result.deal ? await loadDealView(ctx, result.deal) : null,
    };
  },
  'touch.cancel': async (request, { ctx }) => {
    const deal = await cancelPendingTouch(ctx, request.sourceKey);
    return { view: deal ? await loadDealView(ctx, deal) : null };
  },
  'prospect.add': async (request, { ctx }) => {
    const { contact, mergeInto } = request.input;
    if (!request.confirm)
      await refuseRepeatedCompany(
        ctx,
        { title: contact.name, company: contact.company, contactIds: mergeInto ? [mergeInto] : [] },
        (deal) => similarDealWords(ctx, deal),
      );
    return loadDealView(ctx, await addProspect(ctx, request.input));
  },
} satisfies Partial<HandlerTable>;
