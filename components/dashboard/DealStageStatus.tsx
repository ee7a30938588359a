import type { Deal, Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { StageWarning } from '../StageWarning';
import type { useStageMove } from '../hooks/use-stage-move';
import { ExitChecklist } from './ExitChecklist';
import type { DealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  stages: Settings['stages'];
  stageMove: ReturnType<typeof useStageMove>;
  run: DealWrites['run'];
}

/** Below the fields: a stage change waiting for the rep's word, the stage's entry, its checklist. */
export function DealStageStatus({ deal, stages, stageMove, run }: Props) {
  const stage = stages.find((s) => s.id === deal.stageId);
  return (
    <>
      {stageMove.pending && (
        <StageWarning
          gaps={stageMove.gaps}
          onConfirm={stageMove.confirm}
          onCancel={stageMove.cancel}
        />
      )}
      <p class="hint">
        {deal.status === 'open'
          ? stage?.entry
          : `${t(`status_${deal.status}`)}${deal.closeReason ? `: ${deal.closeReason}` : ''}`}
      </p>

      {stage && stage.exitChecklist.length > 0 && (
        <ExitChecklist deal={deal} stage={stage} run={run} />
      )}
    </>
  );
}
