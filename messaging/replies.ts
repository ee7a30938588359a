import type { AnswerThatWorked } from '../domain/objections';
import type { MessageCatalog } from '../i18n/message-catalog';
import type { Contact, Deal, Settings } from '../storage/schemas';
import type { DealView } from '../storage/deal-view';
import type { DueDeal } from '../storage/queries';
import type { LinkChip } from '../storage/suggestions';
import type { RequestType } from './requests';
import type { TeamSyncStatus } from './team-sync';

/** What each request answers with. */
export interface ReplyData {
  ping: { version: string };
  'deal.create': DealView;
  'deal.update': DealView;
  'deal.delete': { deleted: true };
  'deal.get': DealView;
  'deal.forKey': DealView | null;
  'deal.search': Deal[];
  'link.add': DealView;
  'link.remove': { removed: true };
  /** The deal as it now stands, like every write on a deal; `created` is false for a repeat. */
  'touch.record': DealView & { created: boolean };
  'stage.move': DealView;
  'bant.set': DealView;
  'exit.tick': DealView;
  'deal.snooze': DealView;
  'deal.setPrivate': DealView;
  'deal.close': DealView;
  'deal.reopen': DealView;
  'due.list': DueDeal[];
  /** `view` only when the messages changed the deal: null when all were known already. */
  'touches.sync': { created: number; view: DealView | null };
  'touch.cancel': { view: DealView | null };
  'deal.suggest': Deal[];
  'links.chips': Record<string, LinkChip>;
  'dashboard.open': { opened: true };
  'deal.open': { opened: true };
  'contact.same': { contact: Contact; deals: Deal[] } | null;
  'prospect.add': DealView;
  'person.deals': { deals: Deal[]; linked: string | null; autoLink: boolean };
  'person.learn': { learnt: boolean };
  'objection.log': DealView;
  'objection.answer': DealView;
  'objection.delete': DealView;
  'objection.answers': AnswerThatWorked[];
  'display.prefs': DisplayPrefs;
  'settings.update': Settings;
  'pipeline.save': Settings;
  'catalog.get': MessageCatalog;
  'team.join': TeamSyncStatus;
  'team.leave': TeamSyncStatus;
  'team.status': TeamSyncStatus;
  'team.sync': TeamSyncStatus;
  'team.signIn': TeamSyncStatus;
}

/** The rep's language and theme, for panels and the popup. */
export type DisplayPrefs = Pick<Settings, 'language' | 'theme'>;

export type ErrorCode =
  | 'forbidden'
  | 'malformed'
  | 'invalid'
  | 'not-found'
  | 'already-linked'
  | 'confirm-required'
  | 'conflict'
  | 'storage-full'
  | 'internal';

export type Reply<T extends RequestType = RequestType> =
  | { ok: true; data: ReplyData[T] }
  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

// Compile-time check that every request type has a reply.
type Missing = Exclude<RequestType, keyof ReplyData>;
const everyRequestHasAReply: Missing extends never ? true : never = true;
void everyRequestHasAReply;
