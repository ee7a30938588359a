import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Board } from '../../components/dashboard/Board';
import { CheatSheet } from '../../components/dashboard/CheatSheet';
import { DealDetail } from '../../components/dashboard/DealDetail';
import { LazyDataPanel } from '../../components/dashboard/LazyDataPanel';
import { Metrics } from '../../components/dashboard/Metrics';
import { newestFirst } from '../../components/dashboard/newest-first';
import { pipelineView } from '../../components/dashboard/pipeline-view';
import { Queue } from '../../components/dashboard/Queue';
import { readRoute, VIEWS, type Route, type View } from '../../components/dashboard/route';
import { SettingsPanel } from '../../components/dashboard/SettingsPanel';
import { useCachedRead } from '../../components/dashboard/use-cached-read';
import { DealList } from '../../components/dashboard/DealList';
import { t } from '../../i18n/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import {
  applyPageLanguage,
  applyPageTheme,
  usePageDisplay,
} from '../../components/hooks/use-page-display';
import { DATABASE_NAME, ThreadlineDB, storeContext } from '../../storage/db';
import { rowsOfDeal } from '../../storage/by-deal';
import { metricsFacts, openDealCards, stageHistoryFacts } from '../../storage/queries';
import { DEAL_CARDS_TABLE } from '../../storage/deal-cards';
import { readSettings } from '../../storage/settings';
import { objectionsOfDeal } from '../../storage/objections';
import { knownOwners } from '../../storage/owners';
import { isRepsDeal, repsOwnerName } from '../../domain/owners';
import './style.css';

// Live query results come back frozen instead of deep-copied: this page never changes
// a record it read, and copying 10,000 deals on every load was a good part of the wait.
const ctx = storeContext(new ThreadlineDB(DATABASE_NAME, { cache: 'immutable' }));

/**
 * What the queue and the board draw first: the open deals' cards (not whole deals, not every
 * deal) and the settings. The cards and the stage history below are read through
 * storage/queries.ts, which keeps them until their tables change, so a write elsewhere
 * re-reads only what it changed.
 */
async function loadPipeline() {
  const [open, settings] = await Promise.all([openDealCards(ctx), readSettings(ctx)]);
  return { open: newestFirst(open), settings, now: Date.now() };
}
const PIPELINE_TABLES = [DEAL_CARDS_TABLE, 'settings'];

/** The stage history, for the board's stagnant marks: read once the first view is painted. */
async function loadHistory() {
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  return stageHistoryFacts(ctx);
}
const loadMetricsFacts = () => metricsFacts(ctx);

/** Every deal, for the deal table, most recently updated first. */
const loadAllDeals = () => ctx.db.deals.orderBy('updatedAt').reverse().toArray();

const VIEW_HEADINGS: Record<View, string> = {
  queue: 'queue_heading',
  board: 'board_heading',
  metrics: 'metrics_heading',
  objections: 'cheatsheet_heading',
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
      touches: await rowsOfDeal(ctx.db.touches, deal.id).toArray(),
      history: await rowsOfDeal(ctx.db.stageHistory, deal.id).toArray(),
      objections: await objectionsOfDeal(ctx, deal.id),
      settings: await readSettings(ctx),
      owners: await knownOwners(ctx),
    };
  }, [id]);
  if (data === undefined) return <p aria-busy="true">…</p>;
  if (data === null) return <p class="hint">{t('detail_not_found')}</p>;
  return <DealDetail {...data} />;
}

function Dashboard() {
  const route = useRoute();
  // Each view reads only what it shows: the queue and the board the open deals, the
  // metrics the facts of every deal, the deal table every deal.
  const data = useCachedRead(ctx, loadPipeline, PIPELINE_TABLES);
  const history = useCachedRead(ctx, data ? loadHistory : null, ['stageHistory'], [!!data]);
  usePageDisplay(data?.settings);
  useEffect(() => {
    document.title = t('extName');
  });
  // Derived once per load (and again when the data changes), not on every render.
  const view = useMemo(
    () => data && pipelineView(data.open, history ?? null, data.settings, data.now),
    [data, history],
  );
  const wantsMetrics = 'view' in route && route.view === 'metrics';
  const facts = useCachedRead(
    ctx,
    wantsMetrics ? loadMetricsFacts : null,
    ['deals', 'stageHistory'],
    [wantsMetrics],
  );
  const wantsAll = 'view' in route && route.view === 'deals';
  const deals = useLiveQuery(wantsAll ? loadAllDeals : null, [wantsAll]);
  const followUps = view
    ? view.open.filter(
        (deal) =>
          isRepsDeal(deal.owner, repsOwnerName(view.settings)) &&
          ['due', 'overdue'].includes(view.cadence(deal).state),
      ).length
    : 0;
  const busy = <p aria-busy="true">…</p>;

  const shown = (current: View) => {
    if (current === 'data') return <LazyDataPanel ctx={ctx} />;
    if (!data || !view) return busy;
    if (current === 'objections') return <CheatSheet ctx={ctx} settings={data.settings} />;
    if (current === 'queue') return <Queue view={view} />;
    if (current === 'board') return <Board view={view} />;
    if (current === 'settings') return <SettingsPanel settings={data.settings} />;
    if (current === 'metrics')
      return facts ? (
        <Metrics {...facts} open={data.open} settings={data.settings} now={data.now} />
      ) : (
        busy
      );
    if (!deals) return busy;
    return <DealList deals={deals} settings={data.settings} now={data.now} />;
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
  // The open deals' cards are read while the language loads: the board and the queue get
  // them from the cache (storage/queries.ts) the moment they first render.
  void openDealCards(ctx);
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
