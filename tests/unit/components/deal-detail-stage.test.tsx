import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealDetail } from '../../../components/dashboard/DealDetail';
import { setCatalog } from '../../../i18n/i18n';
import type { MessageCatalog } from '../../../i18n/message-catalog';
import { createDeal } from '../../../storage/deals';
import { getSettings } from '../../../storage/settings';
import { testStore } from '../storage/test-store';
import { routeRequestsTo } from './route-requests';

const english = JSON.parse(
  readFileSync('public/_locales/en/messages.json', 'utf8'),
) as MessageCatalog;

async function openDeal() {
  const ctx = testStore();
  routeRequestsTo(ctx);
  const deal = await createDeal(ctx, { title: 'Acme: 40 seats' });
  const settings = await getSettings(ctx);
  const view = render(
    <DealDetail
      deal={deal}
      contacts={[]}
      links={[]}
      touches={[]}
      history={[]}
      settings={settings}
    />,
  );
  const select = view.container.querySelector<HTMLSelectElement>('select')!;
  const stageAfterGate = settings.stages[settings.stages.findIndex((s) => s.bantGate) + 1]!;
  const choose = (id: string) => {
    select.value = id;
    fireEvent.change(select);
  };
  return { ctx, deal, view, choose, stageAfterGate, stored: () => ctx.db.deals.get(deal.id) };
}

describe('the deal page’s stage select', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    setCatalog(null);
  });

  it('asks before moving a deal with BANT gaps past qualification, and moves it when told', async () => {
    setCatalog(english);
    const { view, choose, stageAfterGate, stored, deal } = await openDeal();
    choose(stageAfterGate.id);
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('Budget');
    expect((await stored())?.stageId).toBe(deal.stageId);
    fireEvent.click(view.getByRole('button', { name: 'Move anyway' }));
    await waitFor(async () => expect((await stored())?.stageId).toBe(stageAfterGate.id));
  });

  it('leaves the deal where it was when the rep cancels', async () => {
    setCatalog(english);
    const { view, choose, stageAfterGate, stored, deal } = await openDeal();
    choose(stageAfterGate.id);
    fireEvent.click(await view.findByRole('button', { name: 'Cancel' }));
    expect(view.queryByRole('alert')).toBeNull();
    expect((await stored())?.stageId).toBe(deal.stageId);
  });
});
