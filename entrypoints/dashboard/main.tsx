import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Board } from '../../components/dashboard/Board';
import { DealDetail } from '../../components/dashboard/DealDetail';
import { DataPanel } from '../../components/dashboard/DataPanel';
import { Metrics } from '../../components/dashboard/Metrics';
import { newestFirst } from '../../components/dashboard/newest-first';
import { pipelineView } from '../../components/dashboard/pipeline-view';
import { Queue } from '../../components/dashboard/Queue';
import { SettingsPanel } from '../../components/dashboard/SettingsPanel';
import { DealTable } from '../../components/DealTable';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { applyPageLanguage, applyPageTheme, usePageDisplay } from '../../components/hooks/use-page-display';
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

/** The deal the address names (#deal/<id>), or null. */
function useDealInAddress(): string | null {
  const read = () => (location.hash.startsWith('#deal/') ? decodeURIComponent(location.hash.slice('#deal/'.length)) : null);
  const [id, setId] = useState(read);
  useEffect(() => {
    const onHash = () => setId(read());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return id;
}

function DealDetailFor({ id }: { id: string }) {
  const data = useLiveQuery(
    async () => {
      const deal = await ctx.db.deals.get(id);
      if (!deal) return null;
      return {
        deal,
        contacts: (await ctx.db.contacts.bulkGet(deal.contactIds)).filter((c) => c !== undefined),
        links: await ctx.db.links.where('dealId').equals(id).toArray(),
        touches: await ctx.db.touches.where('dealId').equals(id).toArray(),
        history: await ctx.db.stageHistory.where('dealId').equals(id).toArray(),
        settings: await readSettings(ctx),
      };
    },
    [id],
  );
  if (data === undefined) return <p aria-busy="true">…</p>;
  if (data === null) return <p class="hint">{t('detail_not_found')}</p>;
  return <DealDetail ctx={ctx} {...data} />;
}

function Dashboard() {
  const dealId = useDealInAddress();
  usePageDisplay(
    useLiveQuery(async () => {
      const { language, theme } = await readSettings(ctx);
      return { language, theme };
    }),
  );
  useEffect(() => {
    document.title = t('extName');
  });
  const data = useLiveQuery(loadPipeline);
  // Derived once per load (and again when the data changes), not on every render.
  const view = useMemo(() => data && pipelineView(data.open, data.history, data.settings, data.now), [data]);
  // Every deal is read only once the queue and the board are on screen (effects run after
  // the browser has painted): the sections below them can wait a moment, the rep cannot.
  const deals = useLiveQuery(data ? loadAllDeals : null, [data !== undefined]);
  return (
    <main>
      <header>
        <h1>Threadline</h1>
        <p class="tagline">{t('dashboard_tagline')}</p>
        <nav aria-label={t('dashboard_sections')}>
          <a href="#queue">{t('queue_heading')}</a> · <a href="#board">{t('board_heading')}</a> · <a href="#metrics">{t('metrics_heading')}</a> · <a href="#deals">{t('deals_heading')}</a> · <a href="#settings">{t('settings_heading')}</a> · <a href="#data">{t('data_heading')}</a>
        </nav>
      </header>
      {dealId ? (
        <DealDetailFor id={dealId} />
      ) : data && view ? (
        <>
          <div id="queue">
            <Queue view={view} />
          </div>
          <div id="board">
            <Board ctx={ctx} view={view} />
          </div>
          <div id="metrics">{deals ? <Metrics deals={deals} history={data.history} settings={data.settings} now={data.now} /> : <p aria-busy="true">…</p>}</div>
          <section id="deals" aria-labelledby="deals-heading">
            <h2 id="deals-heading">{t('deals_heading')}</h2>
            {deals ? <DealTable deals={deals} settings={data.settings} now={data.now} /> : <p aria-busy="true">…</p>}
          </section>
          <div id="settings">
            <SettingsPanel ctx={ctx} settings={data.settings} />
          </div>
        </>
      ) : (
        <p aria-busy="true">…</p>
      )}
      <div id="data">
        <DataPanel ctx={ctx} />
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
