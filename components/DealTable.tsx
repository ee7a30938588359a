import { useState } from 'preact/hooks';
import { cadenceOf } from '../domain/cadence';
import type { Deal, Settings } from '../storage/schemas';
import { MORE_ROWS, ShowMore } from './dashboard/ShowMore';
import { money as formatMoney, relativeTime } from './format';
import { t } from '../i18n/i18n';

interface Props {
  deals: Deal[];
  settings: Settings;
  now: number;
}

/** Rows drawn at first: a long list grows on request instead of stalling the first paint. */
const PAGE = 100;

/** Every deal in one table, most recently updated first. */
export function DealTable({ deals, settings, now }: Props) {
  const [shown, setShown] = useState(PAGE);
  if (deals.length === 0) return <p class="empty">{t('dashboard_empty')}</p>;
  const stageName = new Map(settings.stages.map((s) => [s.id, s.name]));
  const money = (deal: Deal) => formatMoney(deal.value, deal.currency);
  return (
    <table class="deals">
      <thead>
        <tr>
          <th scope="col">{t('deal_title')}</th>
          <th scope="col">{t('deal_company')}</th>
          <th scope="col">{t('deal_stage')}</th>
          <th scope="col">{t('deal_value')}</th>
          <th scope="col">{t('deal_follow_ups')}</th>
          <th scope="col">{t('deal_last_touch')}</th>
          <th scope="col">{t('deal_cadence')}</th>
        </tr>
      </thead>
      <tbody>
        {deals.slice(0, shown).map((deal) => {
          const cadence = cadenceOf(deal, settings.cadence, now);
          return (
            <tr key={deal.id} data-deal-id={deal.id}>
              <td>{deal.title}</td>
              <td>{deal.company}</td>
              <td>
                {deal.status === 'open'
                  ? (stageName.get(deal.stageId) ?? deal.stageId)
                  : t(`status_${deal.status}`)}
              </td>
              <td class="number">{money(deal)}</td>
              <td class="number">{deal.followUpCount}</td>
              <td>{deal.lastTouchAt === null ? '—' : relativeTime(deal.lastTouchAt, now)}</td>
              <td>
                <span class={`cadence cadence-${cadence.state}`}>
                  {t(`cadence_${cadence.state.replace('-', '_')}`)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
      {deals.length > shown && (
        <tfoot>
          <tr>
            <td colSpan={7}>
              <ShowMore
                shown={shown}
                total={deals.length}
                onMore={() => setShown(shown + MORE_ROWS)}
              />
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
