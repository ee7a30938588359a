import type { StoreContext } from '../../storage/db';
import type { CatalogLanguage, MessageCatalog } from '../../i18n/message-catalog';
import type { ReplyData } from '../../messaging/replies';
import type { ParsedRequest, RequestType } from '../../messaging/requests';
import type { TeamSync } from '../sync/team';

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

/** The parsed request of one type. */
export type RequestOf<T extends RequestType> = Extract<ParsedRequest, { type: T }>;

/** Answers one request type with that type's reply. */
export type Handler<T extends RequestType> = (
  request: RequestOf<T>,
  options: RouterOptions,
) => Promise<ReplyData[T]>;

/** One handler per request type: a missing or mistyped handler fails to compile. */
export type HandlerTable = { [T in RequestType]: Handler<T> };
