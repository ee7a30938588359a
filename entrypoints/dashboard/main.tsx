import { render } from 'preact';
import { DealTable } from '../../components/DealTable';
import { DataPanel } from '../../components/dashboard/DataPanel';
import { t } from '../../components/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { storeContext } from '../../storage/db';
import { readSettings } from '../../storage/settings';
import './style.css';

const ctx = storeContext();

function Dashboard() {
  const data = useLiveQuery(async () => ({
    deals: await ctx.db.deals.orderBy('updatedAt').reverse().toArray(),
    settings: await readSettings(ctx),
  }));
  return (
    <main>
      <header>
        <h1>Threadline</h1>
        <p class="tagline">{t('dashboard_tagline')}</p>
      </header>
      {data ? <DealTable deals={data.deals} settings={data.settings} now={Date.now()} /> : <p aria-busy="true">…</p>}
      <DataPanel ctx={ctx} />
    </main>
  );
}

document.title = t('extName');
render(<Dashboard />, document.getElementById('app')!);
