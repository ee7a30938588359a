import { readSettings, updateSettings } from '../../storage/settings';
import { savePipeline } from '../../storage/pipeline';
import type { HandlerTable } from './handler';

/** The extension itself: version, pages to open, settings, pipeline and catalogs. */
export const appHandlers = {
  ping: async (_request, { version }) => ({ version }),
  'dashboard.open': async (request, { openDashboard }) => {
    await openDashboard(request.dealId);
    return { opened: true };
  },
  'deal.open': async (request, { openDeal }) => {
    await openDeal(request.dealId);
    return { opened: true };
  },
  'display.prefs': async (_request, { ctx }) => {
    const { language, theme } = await readSettings(ctx);
    return { language, theme };
  },
  'settings.update': (request, { ctx }) => updateSettings(ctx, request.patch),
  'pipeline.save': (request, { ctx }) =>
    savePipeline(ctx, request.input.stages, request.input.movesTo),
  'catalog.get': (request, { loadCatalog }) => loadCatalog(request.language),
} satisfies Partial<HandlerTable>;
