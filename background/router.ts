import browser from 'webextension-polyfill';
import {
  StorageError,
  describeZodError,
  isQuotaExceeded,
  storageFullError,
} from '../storage/errors';
import { readSettings } from '../storage/settings';
import { formatMessage } from '../i18n/message-catalog';
import type { Reply, ReplyData } from '../messaging/replies';
import { requestSchema, type RequestType } from '../messaging/requests';
import { isAllowedSender, originOf, type SenderFacts } from '../messaging/sender';
import type { HandlerTable, RequestOf, RouterOptions } from './handlers/handler';
import { appHandlers } from './handlers/app';
import { dealHandlers } from './handlers/deals';
import { objectionHandlers } from './handlers/objections';
import { peopleHandlers } from './handlers/people';
import { teamHandlers } from './handlers/team';
import { ANSWERED_AT_ONCE, writeQueue } from './write-queue';

export type { RouterOptions } from './handlers/handler';

const handlers: HandlerTable = {
  ...appHandlers,
  ...dealHandlers,
  ...peopleHandlers,
  ...objectionHandlers,
  ...teamHandlers,
};

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
    return { ok: true, data: await dispatch(parsed.data.type, parsed.data, options) };
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

function dispatch<T extends RequestType>(
  type: T,
  request: RequestOf<T>,
  options: RouterOptions,
): Promise<ReplyData[T]> {
  const handler = handlers[type];
  return ANSWERED_AT_ONCE.has(type)
    ? handler(request, options)
    : oneAtATime(() => handler(request, options));
}

const oneAtATime = writeQueue();
