import { useMemo, useState } from 'preact/hooks';
import { pipelineMetrics, type MetricsDeal, type StageChangeFacts } from '../../domain/metrics';
import type { Deal, Settings } from '../../storage/schemas';
import { money } from '../format';
import { t } from '../../i18n/i18n';
import { MORE_ROWS, ShowMore } from './ShowMore';
import { FunnelChart, StageChart, percent } from './MetricsCharts';

interface Props {
  /** What the figures are worked out from: every deal and stage change (metricsFacts). */
  deals: readonly MetricsDeal[];
  history: readonly StageChangeFacts[];
  /** The open deals, for the titles of the stagnant ones. */
  open: readonly Pick<Deal, 'id' | 'title'>[];
  settings: Settings;
  now: number;
}

/** Stagnant deals listed at first. */
const FIRST_ROWS = 50;

const days = (value: number | null) => (value === null ? '—' : t('metrics_days', value.toFixed(1)));

/** Pipeline health: every number comes straight from domain/metrics.ts. */
export function Metrics({ deals, history, open, settings, now }: Props) {
  // Worked out once per load of the data, not again when "show more" re-renders.
  const m = useMemo(
    () => pipelineMetrics(deals, history, settings.stages, now),
    [deals, history, settings, now],
  );
  const titles = useMemo(() => new Map(open.map((d) => [d.id, d.title])), [open]);
  const [shown, setShown] = useState(FIRST_ROWS);
  const stageName = new Map(settings.stages.map((s) => [s.id, s.name]));
  const tiles: [string, string][] = [
    [t('metrics_win_rate'), percent(m.winRate)],
    [
      t('metrics_average_deal'),
      m.averageDealSize === null ? '—' : money(m.averageDealSize, settings.currency),
    ],
    [t('metrics_sales_cycle'), days(m.averageSalesCycleDays)],
    [
      t('metrics_velocity'),
      m.salesVelocity === null
        ? '—'
        : t('metrics_per_day', money(m.salesVelocity, settings.currency)),
    ],
    [t('metrics_stagnant'), String(m.stagnantDeals.length)],
  ];
  return (
    <section class="metrics" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">{t('metrics_heading')}</h2>
      <dl class="tiles">
        {tiles.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <StageChart metrics={m} stageName={stageName} currency={settings.currency} />

      <FunnelChart metrics={m} stageName={stageName} />

      {m.stagnantDeals.length > 0 && (
        <>
          <h3>{t('metrics_stagnant')}</h3>
          <ul>
            {m.stagnantDeals.slice(0, shown).map((s) => (
              <li key={s.dealId}>
                <a href={`#deal/${encodeURIComponent(s.dealId)}`}>{titles.get(s.dealId)}</a> ·{' '}
                {t('metrics_stagnant_detail', [
                  stageName.get(s.stageId) ?? s.stageId,
                  s.days.toFixed(0),
                  s.averageDays.toFixed(0),
                ])}
              </li>
            ))}
          </ul>
          <ShowMore
            shown={shown}
            total={m.stagnantDeals.length}
            onMore={() => setShown(shown + MORE_ROWS)}
          />
        </>
      )}
    </section>
  );
}
