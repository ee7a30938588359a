import { describe, expect, it } from 'vitest';
import { ThreadlineDB, storeContext } from '../../../storage/db';
import { createDeal } from '../../../storage/deals';
import { recordTouch } from '../../../storage/touches';

// Each write is its own read-write transaction across two connections, so these sizes already
// interleave the two writers hundreds of times; more only makes fake-indexeddb slower.
const PER_WRITER = 100;
const MESSAGES = 200;

describe('two connections writing at once', () => {
  it('keeps every touch of both writers and the right summary', { timeout: 60_000 }, async () => {
    const name = `threadline-concurrent-${Math.random()}`;
    const now = () => Date.UTC(2026, 10, 20);
    const tab = storeContext(new ThreadlineDB(name), now);
    const worker = storeContext(new ThreadlineDB(name), now);
    const deal = await createDeal(tab, { title: 'Busy deal' });
    const start = Date.UTC(2026, 10, 1);

    // The tab records the rep's sent messages, the worker the replies, interleaved in time;
    // the very last message is an outbound one from the tab.
    const writes = (ctx: typeof tab, parity: 0 | 1) =>
      Promise.all(
        Array.from({ length: PER_WRITER }, (_, k) => {
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
    const total = 2 * PER_WRITER;
    expect(await tab.db.touches.where('dealId').equals(deal.id).count()).toBe(total);
    expect(stored?.touchCount).toBe(total);
    expect(stored?.lastTouchAt).toBe(start + (total - 1) * 60_000);
    expect(stored?.lastInboundAt).toBe(start + (total - 2) * 60_000);
    expect(stored?.followUpCount).toBe(1);
    tab.db.close();
    worker.db.close();
  });
  it(
    'stores the same messages once each when two tabs record all of them at once',
    { timeout: 60_000 },
    async () => {
      const name = `threadline-concurrent-${Math.random()}`;
      const now = () => Date.UTC(2026, 10, 20);
      const tabs = [
        storeContext(new ThreadlineDB(name), now),
        storeContext(new ThreadlineDB(name), now),
      ];
      const deal = await createDeal(tabs[0]!, { title: 'Same thread in two tabs' });
      const start = Date.UTC(2026, 10, 1);
      // Both tabs show the same thread and record every message in it, in opposite orders.
      const messages = Array.from({ length: MESSAGES }, (_, i) => ({
        dealId: deal.id,
        channel: 'email' as const,
        direction: i % 3 === 0 ? ('inbound' as const) : ('outbound' as const),
        at: start + i * 60_000,
        sourceKey: `gmail:msg-f:${i}`,
      }));
      const results = await Promise.all([
        Promise.all(messages.map((m) => recordTouch(tabs[0]!, m))),
        Promise.all([...messages].reverse().map((m) => recordTouch(tabs[1]!, m))),
      ]);

      const created = results.flat().filter((r) => r.created).length;
      expect(created).toBe(MESSAGES);
      const touches = await tabs[0]!.db.touches.where('dealId').equals(deal.id).toArray();
      expect(touches).toHaveLength(MESSAGES);
      expect(new Set(touches.map((t) => t.sourceKey)).size).toBe(MESSAGES);
      const stored = await tabs[0]!.db.deals.get(deal.id);
      expect(stored?.touchCount).toBe(MESSAGES);
      expect(stored?.lastTouchAt).toBe(start + (MESSAGES - 1) * 60_000);
      expect(stored?.lastInboundAt).toBe(start + (MESSAGES - 2) * 60_000);
      expect(stored?.followUpCount).toBe(1);
      for (const tab of tabs) tab.db.close();
    },
  );
});
