import { cadenceOf } from '../../domain/cadence';
import { whoseTurn } from '../../domain/follow-ups';
import type { Deal, Settings } from '../../storage/schemas';
import { relativeTime } from '../format';
import { t } from '../../i18n/i18n';
import { PrivateMark } from './DealPrivacy';

interface Props {
  deal: Deal;
  cadence: Settings['cadence'];
  now: number;
}

/** Where the deal stands at a glance: its follow-up state, whose turn it is, the last touch. */
export function DealStateLine({ deal, cadence: rules, now }: Props) {
  const cadence = cadenceOf(deal, rules, now);
  return (
    <p class="detail-state">
      <PrivateMark deal={deal} />
      <span class={`cadence cadence-${cadence.state}`}>
        {t(`cadence_${cadence.state.replace('-', '_')}`)}
      </span>
      {deal.status === 'open' && (
        <span>{t(whoseTurn(deal) === 'rep' ? 'turn_rep' : 'turn_them')}</span>
      )}
      {deal.followUpCount > 0 && <span>{t('follow_up_n', String(deal.followUpCount))}</span>}
      <span>
        {deal.lastTouchAt === null
          ? t('last_touch_never')
          : t('last_touch_ago', relativeTime(deal.lastTouchAt, now))}
      </span>
    </p>
  );
}
