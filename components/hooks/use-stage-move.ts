import { useState } from 'preact/hooks';
import { stageMoveWarnings } from '../../domain/stages';
import type { Bant, BantKey, StageDefinition } from '../../domain/types';

/**
 * A stage change that waits for the rep's word when the domain's rules warn about it (moving
 * past qualification with BANT gaps): the panel and the deal page ask the same question.
 */
export function useStageMove(
  stages: readonly Pick<StageDefinition, 'id' | 'bantGate'>[],
  deal: { stageId: string; bant: Bant },
  move: (stageId: string) => void,
) {
  const [pending, setPending] = useState<string | null>(null);
  const gapsOf = (stageId: string): BantKey[] =>
    stageMoveWarnings(stages, deal.stageId, stageId, deal.bant).flatMap((w) => w.gaps);
  return {
    /** The stage the rep chose and has not confirmed yet. */
    pending,
    gaps: pending ? gapsOf(pending) : [],
    choose(stageId: string) {
      if (gapsOf(stageId).length > 0) return setPending(stageId);
      setPending(null);
      move(stageId);
    },
    confirm() {
      if (pending) move(pending);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}
