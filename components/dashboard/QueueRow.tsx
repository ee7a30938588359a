import type { Cadence } from '../../domain/cadence';
import { whoseTurn } from '../../domain/follow-ups';
import type { DealCard } from '../../storage/deal-cards';
import { request } from '../../messaging/client';
import { relativeTime } from '../format';
import { t } from '../../i18n/i18n';

export const DAY = 86_400_000;

interface Props {
  deal: DealCard;
  cadence: Cadence;
  now: number;
  /** Says when it falls due (the rows due later this week). */
  showDue: boolean;
}

/** One deal to follow up: whose turn it is, the last touch, and open or snooze a day. */
export function QueueRow({ deal, cadence, now, showDue }: Props) {
  return (
    <li data-deal-id={deal.id}>
      <span class="title">{deal.title}</span>
      {deal.company && <span class="hint"> · {deal.company}</span>}
      <span class="hint">
        {' · '}
        {t(whoseTurn(deal) === 'rep' ? 'turn_rep' : 'turn_them')}
        {deal.lastTouchAt !== null &&
          ` · ${t('last_touch_ago', relativeTime(deal.lastTouchAt, now))}`}
        {deal.followUpCount > 0 && ` · ${t('follow_up_n', String(deal.followUpCount))}`}
        {showDue && ` · ${t('queue_due_on', relativeTime(cadence.dueAt, now))}`}
      </span>
      <span class="queue-actions">
        <button type="button" onClick={() => void request({ type: 'deal.open', dealId: deal.id })}>
          {t('queue_open')}
        </button>
        <button
          type="button"
          onClick={() => void request({ type: 'deal.snooze', dealId: deal.id, until: now + DAY })}
        >
          {t('snooze_days', '1')}
        </button>
      </span>
    </li>
  );
}
