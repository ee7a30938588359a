import { render } from 'preact';
import { Board } from '../../components/dashboard/Board';
import { DataPanel } from '../../components/dashboard/DataPanel';
import { Queue } from '../../components/dashboard/Queue';
import { SettingsPanel } from '../../components/dashboard/SettingsPanel';
import { DealTable } from '../../components/DealTable';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { storeContext } from '../../storage/db';
import { readSettings } from '../../storage/settings';
import './style.css';

const ctx = storeContext();

function Dashboard() {
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
          <a href="#queue">{t('queue_heading')}</a> · <a href="#board">{t('board_heading')}</a> · <a href="#deals">{t('deals_heading')}</a> · <a href="#settings">{t('settings_heading')}</a> · <a href="#data">{t('data_heading')}</a>
        </nav>
      </header>
      {data ? (
        <>
          <div id="queue">
            <Queue deals={data.deals} settings={data.settings} now={now} />
          </div>
          <div id="board">
            <Board ctx={ctx} deals={data.deals} history={data.history} settings={data.settings} now={now} />
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

document.title = t('extName');
render(<Dashboard />, document.getElementById('app')!);
