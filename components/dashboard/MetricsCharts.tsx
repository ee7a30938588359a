import type { pipelineMetrics } from '../../domain/metrics';
import { money } from '../format';
import { t } from '../../i18n/i18n';

type PipelineMetrics = ReturnType<typeof pipelineMetrics>;

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`;

interface Props {
  metrics: PipelineMetrics;
  stageName: Map<string, string>;
  currency: string;
}

/** Deals and their value per stage, as bars. */
export function StageChart({ metrics, stageName, currency }: Props) {
  const maxValue = Math.max(1, ...metrics.dealsPerStage.map((r) => r.value));
  const maxCount = Math.max(1, ...metrics.dealsPerStage.map((r) => r.count));
  return (
    <>
      <h3>{t('metrics_per_stage')}</h3>
      <table class="chart" aria-label={t('metrics_per_stage')}>
        <tbody>
          {metrics.dealsPerStage.map((row) => (
            <tr key={row.stageId}>
              <th scope="row">{stageName.get(row.stageId)}</th>
              <td class="bar-cell">
                <span class="bar count" style={{ width: `${(row.count / maxCount) * 100}%` }} />
                <span class="bar value" style={{ width: `${(row.value / maxValue) * 100}%` }} />
              </td>
              <td class="number">{row.count}</td>
              <td class="number">{money(row.value, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** How many deals that reached each stage went on to the next. */
export function FunnelChart({ metrics, stageName }: Omit<Props, 'currency'>) {
  return (
    <>
      <h3>{t('metrics_funnel')}</h3>
      <table class="chart" aria-label={t('metrics_funnel')}>
        <tbody>
          {metrics.stageConversion.map((row) => (
            <tr key={row.from}>
              <th scope="row">
                {stageName.get(row.from)} → {stageName.get(row.to)}
              </th>
              <td class="bar-cell">
                <span class="bar rate" style={{ width: `${(row.rate ?? 0) * 100}%` }} />
              </td>
              <td class="number">{percent(row.rate)}</td>
              <td class="number">
                {row.advanced}/{row.reached}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
