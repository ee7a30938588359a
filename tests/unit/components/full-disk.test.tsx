import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Board } from '../../../components/dashboard/Board';
import { pipelineView } from '../../../components/dashboard/pipeline-view';
import { SettingsPanel } from '../../../components/dashboard/SettingsPanel';
import { setCatalog } from '../../../i18n/i18n';
import { formatMessage, type MessageCatalog } from '../../../i18n/message-catalog';
import { createDeal } from '../../../storage/deals';
import { getSettings } from '../../../storage/settings';
import { fullingStore } from '../storage/test-store';
import { routeRequestsTo } from './route-requests';

const catalog = (lang: 'en' | 'tr' | 'fi'): MessageCatalog =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const fullDisk = (lang: 'en' | 'tr' | 'fi') => formatMessage(catalog(lang), 'storage_full')!;

describe('a full disk, wherever the rep writes from the dashboard', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    setCatalog(null);
  });

  it('Settings says in Turkish that the disk is full and what to do, and changes nothing', async () => {
    setCatalog(catalog('tr'));
    const ctx = fullingStore();
    routeRequestsTo(ctx);
    const settings = await getSettings(ctx);
    ctx.disk.room = 0;
    const { container, findByText } = render(<SettingsPanel settings={settings} />);
    const businessDays = container.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    fireEvent.click(businessDays);
    await findByText(fullDisk('tr'));
    ctx.disk.room = Infinity;
    expect(await getSettings(ctx)).toEqual(settings);
  });

  it('the board says in Finnish that a card could not move because the disk is full, and the deal stays', async () => {
    setCatalog(catalog('fi'));
    const ctx = fullingStore();
    routeRequestsTo(ctx);
    const deal = await createDeal(ctx, { title: 'Acme: 40 seats' });
    const settings = await getSettings(ctx);
    ctx.disk.room = 0;
    const { container } = render(<Board view={pipelineView([deal], [], settings, ctx.now())} />);
    const card = container.querySelector<HTMLElement>('.card')!;
    fireEvent.keyDown(card, { key: 'ArrowRight' });
    await waitFor(() => expect(container.textContent).toContain(fullDisk('fi')));
    ctx.disk.room = Infinity;
    expect((await ctx.db.deals.get(deal.id))?.stageId).toBe(deal.stageId);
  });
});
