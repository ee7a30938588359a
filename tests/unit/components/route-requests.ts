import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { handleMessage } from '../../../background/router';
import type { StoreContext } from '../../../storage/db';
import { DASHBOARD, routerOptions } from '../messaging/router-options';

/**
 * Sends what components request to the real router over `ctx`, as the worker would: a
 * component under test writes exactly the way it does in the extension.
 */
export function routeRequestsTo(ctx: StoreContext) {
  const options = routerOptions(ctx);
  return vi
    .spyOn(browser.runtime, 'sendMessage')
    .mockImplementation(((message: unknown) =>
      handleMessage(message, DASHBOARD, options)) as never);
}
