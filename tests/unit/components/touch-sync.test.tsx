import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTouchSync } from '../../../components/panel/use-touch-sync';
import { createDeal } from '../../../storage/deals';
import { testStore } from '../storage/test-store';
import { routeRequestsTo } from './route-requests';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A thread on screen: its messages (two unless told), recorded as touches of the linked deal. */
function Thread({ dealId, messages = 2 }: { dealId: string; messages?: number }) {
  useTouchSync(dealId, `thread-of-${dealId}:${messages}`, (id) =>
    Array.from({ length: messages }, (_, n) => ({
      dealId: id,
      channel: 'email' as const,
      direction: n % 2 === 0 ? ('outbound' as const) : ('inbound' as const),
      at: Date.UTC(2026, 10, 1, 9, n),
      sourceKey: `gmail:rep@example.com:thread-of-${id}:${n}`,
    })),
  );
  return null;
}

describe('a page’s messages as touches', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('are written for every thread shown, also one the rep went past, each message once', async () => {
    const ctx = testStore();
    routeRequestsTo(ctx);
    const a = await createDeal(ctx, { title: 'Acme' });
    const b = await createDeal(ctx, { title: 'Initech' });
    const touches = async () =>
      (await ctx.db.deals.bulkGet([a.id, b.id])).map((d) => d?.touchCount);

    const page = render(<Thread dealId={a.id} />);
    page.rerender(<Thread dealId={b.id} />);
    await vi.waitFor(async () => expect(await touches()).toEqual([2, 2]), { timeout: 2_000 });

    // The same thread again: its messages are known, nothing is counted twice.
    page.rerender(<Thread dealId={a.id} />);
    await wait(100);
    expect(await touches()).toEqual([2, 2]);
  });

  it('are written at once when a message appears on the thread on screen (a reply sent)', async () => {
    const ctx = testStore();
    routeRequestsTo(ctx);
    const a = await createDeal(ctx, { title: 'Acme' });
    const touches = async () => (await ctx.db.deals.get(a.id))?.touchCount;
    const page = render(<Thread dealId={a.id} />);
    await vi.waitFor(async () => expect(await touches()).toBe(2), { timeout: 2_000 });
    page.rerender(<Thread dealId={a.id} messages={3} />);
    await vi.waitFor(async () => expect(await touches()).toBe(3), { timeout: 1_000 });
  });
});
