import { readFileSync } from 'node:fs';
import type { RouterOptions } from '../../../background/router';
import type { MessageCatalog } from '../../../i18n/message-catalog';
import type { StoreContext } from '../../../storage/db';

export const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
/** The dashboard, as the router sees it send. */
export const DASHBOARD = { id: OWN_ID, url: `${OWN_ORIGIN}/dashboard.html` };

/** The worker's router options over `ctx`, with the packaged message catalogs. */
export function routerOptions(ctx: StoreContext): RouterOptions {
  return {
    ctx,
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    version: 'test',
    openDashboard: async () => {},
    openDeal: async () => {},
    loadCatalog: async (language) =>
      JSON.parse(
        readFileSync(`public/_locales/${language}/messages.json`, 'utf8'),
      ) as MessageCatalog,
  };
}
