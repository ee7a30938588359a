import type { Request } from '../../messaging/requests';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';

interface Props {
  deal: Pick<Deal, 'id' | 'snoozedUntil'>;
  send(message: Extract<Request, { type: 'deal.snooze' }>): unknown;
  now: number;
}

const DAY = 86_400_000;
const SNOOZE_DAYS = [1, 3, 7];

/** Quiets an open deal's follow-up reminders for a few days, or wakes it early. */
export function SnoozeRow({ deal, send, now }: Props) {
  return (
    <div class="tl-row tl-snooze" role="group" aria-label={t('snooze')}>
      <span>{t('snooze')}</span>
      {SNOOZE_DAYS.map((days) => (
        <button
          type="button"
          key={days}
          onClick={() =>
            void send({ type: 'deal.snooze', dealId: deal.id, until: now + days * DAY })
          }
        >
          {t('snooze_days', String(days))}
        </button>
      ))}
      {deal.snoozedUntil !== null && deal.snoozedUntil > now && (
        <button
          type="button"
          class="tl-secondary"
          onClick={() => void send({ type: 'deal.snooze', dealId: deal.id, until: null })}
        >
          {t('snooze_clear')}
        </button>
      )}
    </div>
  );
}
