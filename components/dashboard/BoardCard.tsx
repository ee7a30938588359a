import { currentDaysInStage } from '../../domain/metrics';
import { isRepsDeal, repsOwnerName } from '../../domain/owners';
import type { DealCard } from '../../storage/deal-cards';
import { money } from '../format';
import { t } from '../../i18n/i18n';
import type { PipelineView } from './pipeline-view';
import { PrivateMark } from './DealPrivacy';

interface Props {
  deal: DealCard;
  view: PipelineView;
  stagnant: boolean;
  /** Moves the deal one stage right (1) or left (-1). */
  moveBy(deal: DealCard, step: number): void;
}

/** One open deal on the board: drag it, or move it with the arrow keys; a click opens it. */
export function BoardCard({ deal, view, stagnant, moveBy }: Props) {
  const state = view.cadence(deal).state;
  return (
    <li>
      <button
        type="button"
        class={`card cadence-${state}`}
        draggable
        data-deal-id={deal.id}
        aria-keyshortcuts="ArrowLeft ArrowRight"
        aria-description={t('board_card_help')}
        onDragStart={(e) => e.dataTransfer?.setData('text/plain', deal.id)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') {
            e.preventDefault();
            moveBy(deal, 1);
          }
          if (e.key === 'ArrowLeft') {
            e.preventDefault();
            moveBy(deal, -1);
          }
        }}
        onClick={() => (location.hash = `deal/${encodeURIComponent(deal.id)}`)}
      >
        <span class="card-title">{deal.title}</span>
        {deal.company && <span class="card-company">{deal.company}</span>}
        {!isRepsDeal(deal.owner, repsOwnerName(view.settings)) && (
          <span class="card-owner">{t('owner_of_deal', deal.owner!)}</span>
        )}
        <span class="card-meta">
          {deal.value > 0 && <span>{money(deal.value, deal.currency)}</span>}
          <span>
            {t('board_days_in_stage', String(Math.floor(currentDaysInStage(deal, view.now))))}
          </span>
          <span class={`cadence cadence-${state}`}>
            {t(`cadence_${state.replace('-', '_')}`)}
            {deal.followUpCount > 0 && ` · ${t('follow_up_n', String(deal.followUpCount))}`}
          </span>
          {stagnant && <span class="stagnant">{t('board_stagnant')}</span>}
          <PrivateMark deal={deal} />
        </span>
      </button>
    </li>
  );
}
