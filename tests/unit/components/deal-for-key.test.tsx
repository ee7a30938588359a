import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { useDealForKey } from '../../../components/panel/use-deal-for-key';

/** What a panel shows for its key: the deal's title, or the error. */
function Panel({ onReload }: { onReload(reload: () => Promise<void>): void }) {
  const { state, reload } = useDealForKey('gmail:rep@example.com:thread-f:7');
  onReload(reload);
  if (state.status === 'linked') return <p>{state.view.deal.title}</p>;
  if (state.status === 'error') return <p role="alert">{state.message}</p>;
  return <p>{state.status}</p>;
}

/** A reply the test hands out when it likes. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe('the deal a panel shows for its page', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('is the latest answer: an older ask that fails afterwards shows no error', async () => {
    const first = later<unknown>();
    const second = later<unknown>();
    const replies = [first.promise, second.promise];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((() => replies.shift()) as never);
    let reload!: () => Promise<void>;
    const page = render(<Panel onReload={(r) => (reload = r)} />);
    // The pipeline changed while the first ask was out: the panel asks again.
    void reload();
    second.settle({ ok: true, data: { deal: { title: 'Acme renewal' } } });
    await waitFor(() => expect(page.getByText('Acme renewal')).toBeTruthy());
    first.settle({ ok: false, error: { code: 'internal', message: 'The worker was stopped' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.queryByRole('alert')).toBeNull();
    expect(page.getByText('Acme renewal')).toBeTruthy();
  });
});
