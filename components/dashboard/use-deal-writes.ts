import { useState } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { UpdateDealInput } from '../../storage/inputs';
import { writeErrorText } from './write-error';

/** The deal page's writes: each one's refusal is shown above the fields, nothing else changes. */
export function useDealWrites(dealId: string) {
  const [error, setError] = useState<string | null>(null);
  const run = (write: () => Promise<unknown>) => () =>
    void write().catch((e: unknown) => setError(writeErrorText(e)));
  const patch = (fields: UpdateDealInput['patch']) =>
    run(() => request({ type: 'deal.update', input: { id: dealId, patch: fields } }))();
  return { error, setError, run, patch };
}

export type DealWrites = ReturnType<typeof useDealWrites>;
