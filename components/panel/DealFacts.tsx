import type { DealView } from '../../storage/deal-view';
import type { Deal } from '../../storage/schemas';
import { exactTime, relativeTime } from '../format';
import { t } from '../../i18n/i18n';

interface Props {
  deal: Pick<Deal, 'followUpCount' | 'lastTouchAt'>;
  whoseTurn: DealView['whoseTurn'];
  /** Said instead of the follow-up count while part of the thread is not read yet. */
  followUpsUnknown?: string | undefined;
  now: number;
}

/** Follow-ups sent, the last touch and whose move it is: the deal's pulse in three lines. */
export function DealFacts({ deal, whoseTurn, followUpsUnknown, now }: Props) {
  return (
    <ul class="tl-facts">
      {followUpsUnknown ? (
        <li class="tl-follow-ups tl-unread">{followUpsUnknown}</li>
      ) : (
        <li class="tl-follow-ups">{t('follow_up_n', String(deal.followUpCount))}</li>
      )}
      <li class="tl-last-touch">
        {deal.lastTouchAt === null ? (
          t('last_touch_never')
        ) : (
          <time
            dateTime={new Date(deal.lastTouchAt).toISOString()}
            title={exactTime(deal.lastTouchAt)}
          >
            {t('last_touch_ago', relativeTime(deal.lastTouchAt, now))}
          </time>
        )}
      </li>
      <li class="tl-turn">{t(whoseTurn === 'rep' ? 'turn_rep' : 'turn_them')}</li>
    </ul>
  );
}
