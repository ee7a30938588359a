import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Board } from '../../components/dashboard/Board';
import { DealDetail } from '../../components/dashboard/DealDetail';
import { DataPanel } from '../../components/dashboard/DataPanel';
import { Metrics } from '../../components/dashboard/Metrics';
import { newestFirst } from '../../components/dashboard/newest-first';
import { pipelineView } from '../../components/dashboard/pipeline-view';
import { Queue } from '../../components/dashboard/Queue';
import { readRoute, VIEWS, type Route, type View } from '../../components/dashboard/route';
import { SettingsPanel } from '../../components/dashboard/SettingsPanel';
import { DealTable } from '../../components/DealTable';
import { t } from '../../i18n/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import {
  applyPageLanguage,
  applyPageTheme,
  usePageDisplay,
} from '../../components/hooks/use-page-display';
import { DATABASE_NAME, ThreadlineDB, storeContext } from '../../storage/db';
import { readSettings } from '../../storage/settings';
import './style.css';

// Live query results come back frozen instead of deep-copied: this page never changes
// a record it read, and copying 10,000 deals on every load was a good part of the wait.
const ctx = storeContext(new ThreadlineDB(DATABASE_NAME, { cache: 'immutable' }));

/** What the queue and the board need, read in parallel: the open deals, not all of them. */
async function loadPipeline() {
  const [open, history, settings] = await Promise.all([
    ctx.db.deals.where('status').equals('open').toArray(),
    ctx.db.stageHistory.toArray(),
    readSettings(ctx),
  ]);
  return { open: newestFirst(open), history, settings, now: Date.now() };
}

/** Every deal, for the metrics and the deal table, most recently updated first. */
const loadAllDeals = () => ctx.db.deals.orderBy('updatedAt').reverse().toArray();

const VIEW_HEADINGS: Record<View, string> = {
  queue: 'queue_heading',
  board: 'board_heading',
  metrics: 'metrics_heading',
  deals: 'deals_heading',
  settings: 'settings_heading',
  data: 'data_heading',
};
function useRoute(): Route {
  const [route, setRoute] = useState(() => readRoute(location.hash));
  useEffect(() => {
    const onHash = () => {
      setRoute(readRoute(location.hash));
      scrollTo(0, 0);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

function DealDetailFor({ id }: { id: string | null }) {
  const data = useLiveQuery(async () => {
    const deal = id === null ? undefined : await ctx.db.deals.get(id);
    if (!deal) return null;
    return {
      deal,
      contacts: (await ctx.db.contacts.bulkGet(deal.contactIds)).filter((c) => c !== undefined),
      links: await ctx.db.links.where('dealId').equals(deal.id).toArray(),
      touches: await ctx.db.touches.where('dealId').equals(deal.id).toArray(),
      history: await ctx.db.stageHistory.where('dealId').equals(deal.id).toArray(),
      settings: await readSettings(ctx),
    };
  }, [id]);
  if (data === undefined) return <p aria-busy="true">…</p>;
  if (data === null) return <p class="hint">{t('detail_not_found')}</p>;
  return <DealDetail ctx={ctx} {...data} />;
}

function Dashboard() {
  const route = useRoute();
  // Each view reads only what it shows: the queue and the board the open deals, the
  // metrics and the deal table every deal.
  const data = useLiveQuery(loadPipeline);
  usePageDisplay(data?.settings);
  useEffect(() => {
    document.title = t('extName');
  });
  // Derived once per load (and again when the data changes), not on every render.
  const view = useMemo(
    () => data && pipelineView(data.open, data.history, data.settings, data.now),
    [data],
  );
  const wantsAll = 'view' in route && (route.view === 'metrics' || route.view === 'deals');
  const deals = useLiveQuery(wantsAll ? loadAllDeals : null, [wantsAll]);
  const followUps = view
    ? view.open.filter((deal) => ['due', 'overdue'].includes(view.cadence(deal).state)).length
    : 0;
  const busy = <p aria-busy="true">…</p>;

  const shown = (current: View) => {
    if (current === 'data') return <DataPanel ctx={ctx} />;
    if (!data || !view) return busy;
    if (current === 'queue') return <Queue view={view} />;
    if (current === 'board') return <Board ctx={ctx} view={view} />;
    if (current === 'settings') return <SettingsPanel ctx={ctx} settings={data.settings} />;
    if (!deals) return busy;
    if (current === 'metrics')
      return (
        <Metrics deals={deals} history={data.history} settings={data.settings} now={data.now} />
      );
    return (
      <section aria-labelledby="deals-heading">
        <h2 id="deals-heading">{t('deals_heading')}</h2>
        <DealTable deals={deals} settings={data.settings} now={data.now} />
      </section>
    );
  };

  return (
    <main>
      <header class="top">
        <div class="brand">
          <h1>Threadline</h1>
          <p class="tagline">{t('dashboard_tagline')}</p>
        </div>
        <nav class="tabs" aria-label={t('dashboard_sections')}>
          {VIEWS.map((name) => (
            <a
              key={name}
              href={`#${name}`}
              aria-current={'view' in route && route.view === name ? 'page' : undefined}
            >
              {t(VIEW_HEADINGS[name])}
              {name === 'queue' && followUps > 0 && <span class="count">{followUps}</span>}
            </a>
          ))}
        </nav>
      </header>
      <div id={'view' in route ? route.view : 'deal'}>
        {'dealId' in route ? <DealDetailFor id={route.dealId} /> : shown(route.view)}
      </div>
    </main>
  );
}

async function start() {
  // The rep's language and theme first, so the first paint is already in them.
  try {
    const { language, theme } = await readSettings(ctx);
    applyPageTheme(theme);
    await applyPageLanguage(language);
  } catch (error) {
    console.warn('Threadline: could not apply the language and theme settings', error);
  }
  render(<Dashboard />, document.getElementById('app')!);
}
void start();
