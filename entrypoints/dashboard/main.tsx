import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Board } from '../../components/dashboard/Board';
import { DealDetail } from '../../components/dashboard/DealDetail';
import { DataPanel } from '../../components/dashboard/DataPanel';
import { Metrics } from '../../components/dashboard/Metrics';
import { Queue } from '../../components/dashboard/Queue';
import { SettingsPanel } from '../../components/dashboard/SettingsPanel';
import { DealTable } from '../../components/DealTable';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { applyPageLanguage, applyPageTheme, usePageDisplay } from '../../components/hooks/use-page-display';
import { storeContext } from '../../storage/db';
import { readSettings } from '../../storage/settings';
import './style.css';

const ctx = storeContext();

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
  const data = useLiveQuery(async () => ({
    deals: await ctx.db.deals.orderBy('updatedAt').reverse().toArray(),
    history: await ctx.db.stageHistory.toArray(),
    settings: await readSettings(ctx),
  }));
  const now = Date.now();
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
      ) : data ? (
        <>
          <div id="queue">
            <Queue deals={data.deals} settings={data.settings} now={now} />
          </div>
          <div id="board">
            <Board ctx={ctx} deals={data.deals} history={data.history} settings={data.settings} now={now} />
          </div>
          <div id="metrics">
            <Metrics deals={data.deals} history={data.history} settings={data.settings} now={now} />
          </div>
          <section id="deals" aria-labelledby="deals-heading">
            <h2 id="deals-heading">{t('deals_heading')}</h2>
            <DealTable deals={data.deals} settings={data.settings} now={now} />
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
