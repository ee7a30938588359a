import browser from 'webextension-polyfill';
import {
  StorageError,
  describeZodError,
  isQuotaExceeded,
  storageFullError,
} from '../storage/errors';
import type { StoreContext } from '../storage/db';
import { loadDealView } from '../storage/deal-view';
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
} from '../storage/deals';
import { findLink, linkToDeal, unlink } from '../storage/links';
import { dueDeals, searchDeals } from '../storage/queries';
import { cancelPendingTouch, recordTouch, recordTouches } from '../storage/touches';
import { linkChips, suggestDeals } from '../storage/suggestions';
import { addProspect, findSameContact } from '../storage/prospects';
import { dealsOfPerson, learnMemberId } from '../storage/people';
import { requireDeal } from '../storage/deal-record';
import {
  answerObjection,
  answersForKind,
  deleteObjection,
  logObjection,
} from '../storage/objections';
import { readSettings, updateSettings } from '../storage/settings';
import { savePipeline } from '../storage/pipeline';
import { formatMessage, type CatalogLanguage, type MessageCatalog } from '../i18n/message-catalog';
import type { Reply, ReplyData } from '../messaging/replies';
import { requestSchema, type ParsedRequest } from '../messaging/requests';
import { isAllowedSender, originOf, type SenderFacts } from '../messaging/sender';
import type { TeamSyncStatus } from '../messaging/team-sync';
import type { TeamSync } from './sync/team';

export interface RouterOptions {
  ctx: StoreContext;
  /** Opens the dashboard in a tab (the worker's job: pages cannot open extension pages). */
  openDashboard(dealId?: string): Promise<void>;
  /** Opens a deal's thread or LinkedIn page. */
  openDeal(dealId: string): Promise<void>;
  /** A language's message catalog, for content scripts, which cannot read our files. */
  loadCatalog(language: CatalogLanguage): Promise<MessageCatalog>;
  ownId: string;
  ownOrigin: string;
  version: string;
  /** The team sync (absent where no worker runs it). */
  team?: TeamSync;
}

/**
 * Answers one message. Never throws: a refused sender, an unknown or malformed request and a
 * failed operation all come back as { ok: false, error } so the worker keeps running.
 */
export async function handleMessage(
  raw: unknown,
  sender: SenderFacts,
  options: RouterOptions,
): Promise<Reply> {
  if (!isAllowedSender(sender, options.ownId, options.ownOrigin)) {
    return fail('forbidden', 'This sender may not talk to Threadline');
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    return fail('malformed', describeZodError('request', parsed.error));
  }
  // Joining a team hands over a password and opens a server: the Settings view only.
  if (parsed.data.type.startsWith('team.') && originOf(sender.url ?? '') !== options.ownOrigin) {
    return fail('forbidden', 'Only Threadline’s own pages manage the team');
  }
  try {
    return { ok: true, data: await dispatch(parsed.data, options) };
  } catch (error) {
    if (isQuotaExceeded(error)) return fail('storage-full', await storageFullMessage(options));
    if (error instanceof StorageError) return fail(error.code, error.message, error.details);
    console.error('Threadline: request failed', parsed.data.type, error);
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}

/**
 * What a full disk means for the rep and what to do, in the language they chose: panels show
 * a refusal's message as it comes. The transaction took nothing, so nothing is half-written.
 */
async function storageFullMessage({ ctx, loadCatalog }: RouterOptions): Promise<string> {
  try {
    const { language } = await readSettings(ctx);
    const message =
      language === 'auto'
        ? browser.i18n.getMessage('storage_full')
        : formatMessage(await loadCatalog(language), 'storage_full');
    if (message) return message;
  } catch (error) {
    console.warn('Threadline: could not read the language setting', error);
  }
  return storageFullError().message;
}

function fail(
  code: Extract<Reply, { ok: false }>['error']['code'],
  message: string,
  details?: Record<string, unknown>,
): Reply {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

async function dispatch(
  request: ParsedRequest,
  { ctx, version, openDashboard, openDeal, loadCatalog, team }: RouterOptions,
): Promise<ReplyData[ParsedRequest['type']]> {
  const view = (deal: Parameters<typeof loadDealView>[1]) => loadDealView(ctx, deal);
  switch (request.type) {
    case 'ping':
      return { version };
    case 'deal.create':
      return view(await createDeal(ctx, request.input));
    case 'deal.update':
      return view(await updateDeal(ctx, request.input));
    case 'deal.delete':
      await deleteDeal(ctx, request.dealId, request.confirm);
      return { deleted: true };
    case 'deal.get':
      return view(await requireDeal(ctx, request.dealId));
    case 'deal.forKey': {
      const link = await findLink(ctx, request.key);
      const deal = link && (await ctx.db.deals.get(link.dealId));
      return deal ? view(deal) : null;
    }
    case 'deal.search':
      return searchDeals(ctx, request.query, request.limit);
    case 'link.add':
      await linkToDeal(ctx, request.dealId, request.link);
      return view(await requireDeal(ctx, request.dealId));
    case 'link.remove':
      await unlink(ctx, request.key);
      return { removed: true };
    case 'touch.record': {
      const result = await recordTouch(ctx, request.input);
      return { ...(await view(result.deal)), created: result.created };
    }
    case 'stage.move':
      return view(await moveStage(ctx, request.dealId, request.stageId));
    case 'bant.set':
      return view(await setBant(ctx, request.input));
    case 'exit.tick':
      return view(await tickExitItem(ctx, request.dealId, request.itemId, request.checked));
    case 'deal.snooze':
      return view(await snoozeDeal(ctx, request.dealId, request.until));
    case 'deal.close':
      return view(await closeDeal(ctx, request.input));
    case 'deal.reopen':
      return view(await reopenDeal(ctx, request.dealId));
    case 'due.list':
      return dueDeals(ctx);
    case 'touches.sync': {
      const result = await recordTouches(ctx, request.inputs);
      return { created: result.created, view: result.deal ? await view(result.deal) : null };
    }
    case 'touch.cancel': {
      const deal = await cancelPendingTouch(ctx, request.sourceKey);
      return { view: deal ? await view(deal) : null };
    }
    case 'deal.suggest':
      return suggestDeals(ctx, request.emails);
    case 'links.chips':
      return linkChips(ctx, request.keys);
    case 'contact.same':
      return findSameContact(ctx, request);
    case 'prospect.add':
      return view(await addProspect(ctx, request.input));
    case 'person.deals': {
      const [found, settings] = await Promise.all([
        dealsOfPerson(ctx, request.person),
        readSettings(ctx),
      ]);
      const keptUnlinked = request.linkKey
        ? (settings.linkedinUnlinked ?? []).includes(request.linkKey)
        : false;
      return { ...found, autoLink: settings.linkedinAutoLink === true && !keptUnlinked };
    }
    case 'person.learn':
      return { learnt: (await learnMemberId(ctx, request)) !== null };
    case 'dashboard.open':
      await openDashboard(request.dealId);
      return { opened: true };
    case 'deal.open':
      await openDeal(request.dealId);
      return { opened: true };
    case 'objection.log':
      return view((await logObjection(ctx, request.input)).deal);
    case 'objection.answer':
      return view((await answerObjection(ctx, request.input)).deal);
    case 'objection.delete':
      return view(await deleteObjection(ctx, request.objectionId));
    case 'objection.answers':
      return answersForKind(ctx, request.kind, request.limit);
    case 'display.prefs': {
      const { language, theme } = await readSettings(ctx);
      return { language, theme };
    }
    case 'settings.update':
      return updateSettings(ctx, request.patch);
    case 'pipeline.save':
      return savePipeline(ctx, request.input.stages, request.input.movesTo);
    case 'catalog.get':
      return loadCatalog(request.language);
    case 'team.join':
    case 'team.leave':
    case 'team.status':
    case 'team.sync':
    case 'team.signIn':
      return teamRequest(request, team);
  }
}

function teamRequest(
  request: Extract<ParsedRequest, { type: `team.${string}` }>,
  team: TeamSync | undefined,
): Promise<TeamSyncStatus> {
  if (!team) throw new StorageError('not-found', 'No team sync runs here');
  if (request.type === 'team.join') return team.join(request.input);
  if (request.type === 'team.leave') return team.leave();
  if (request.type === 'team.sync') return team.syncNow();
  if (request.type === 'team.signIn') return team.signInAgain(request.password);
  return team.status();
}
