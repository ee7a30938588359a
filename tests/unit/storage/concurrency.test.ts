import { describe, expect, it } from 'vitest';
import { ThreadlineDB, storeContext } from '../../../storage/db';
import { createDeal } from '../../../storage/deals';
import { recordTouch } from '../../../storage/touches';

describe('two connections writing at once', () => {
  it('keeps all 1,000 touches and the right summary', { timeout: 60_000 }, async () => {
    const name = `threadline-concurrent-${Math.random()}`;
    const now = () => Date.UTC(2026, 10, 20);
    const tab = storeContext(new ThreadlineDB(name), now);
    const worker = storeContext(new ThreadlineDB(name), now);
    const deal = await createDeal(tab, { title: 'Busy deal' });
    const start = Date.UTC(2026, 10, 1);

    // The tab records the rep's 500 sent messages, the worker 500 replies, interleaved in
    // time; the very last message (i = 999) is an outbound one from the tab.
    const writes = (ctx: typeof tab, parity: 0 | 1) =>
      Promise.all(
        Array.from({ length: 500 }, (_, k) => {
          const i = 2 * k + (parity === 0 ? 1 : 0);
          return recordTouch(ctx, {
            dealId: deal.id,
            channel: 'email',
            direction: parity === 0 ? 'outbound' : 'inbound',
            at: start + i * 60_000,
            sourceKey: `gmail:msg-f:${i}`,
          });
        }),
      );
    await Promise.all([writes(tab, 0), writes(worker, 1)]);

    const stored = await tab.db.deals.get(deal.id);
    expect(await tab.db.touches.where('dealId').equals(deal.id).count()).toBe(1_000);
    expect(stored?.touchCount).toBe(1_000);
    expect(stored?.lastTouchAt).toBe(start + 999 * 60_000);
    expect(stored?.lastInboundAt).toBe(start + 998 * 60_000);
    expect(stored?.followUpCount).toBe(1);
    tab.db.close();
    worker.db.close();
  });
});
