import type { DealView } from '../../storage/deal-view';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { StageWarning } from '../StageWarning';
import { SelectAfterPaint } from './SelectAfterPaint';
import { useStageMove } from '../hooks/use-stage-move';

interface Props {
  deal: Deal;
  stages: DealView['stages'];
  move(stageId: string): void;
}

/**
 * An open deal's stage, changed in place (asking first when BANT has gaps); a closed deal's
 * outcome and reason instead.
 */
export function DealStageField({ deal, stages, move }: Props) {
  const stageMove = useStageMove(stages, deal, move);
  return (
    <>
      {deal.status === 'open' ? (
        <label class="tl-field">
          <span>{t('deal_stage')}</span>
          <SelectAfterPaint
            value={stageMove.pending ?? deal.stageId}
            options={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
            onChoose={stageMove.choose}
          />
        </label>
      ) : (
        <p class="tl-closed">
          {t(`status_${deal.status}`)}
          {deal.closeReason && `: ${deal.closeReason}`}
        </p>
      )}

      {stageMove.pending && (
        <StageWarning
          prefix="tl-"
          gaps={stageMove.gaps}
          onConfirm={stageMove.confirm}
          onCancel={stageMove.cancel}
        />
      )}
    </>
  );
}
