import { useEffect, useState } from 'preact/hooks';
import type { StageDefinition } from '../../domain/types';
import { t } from '../../i18n/i18n';

/** The pipeline as the rep is editing it, before it is saved; a saved change elsewhere resets it. */
export function useStageDraft(saved: StageDefinition[]) {
  const [stages, setStages] = useState<StageDefinition[]>(saved);
  useEffect(() => setStages(saved), [saved]);
  return {
    stages,
    /** The saved stages the draft no longer has: their deals need somewhere to go. */
    removed: saved.filter((s) => !stages.some((kept) => kept.id === s.id)),
    change: (index: number, patch: Partial<StageDefinition>) =>
      setStages(stages.map((s, i) => (i === index ? { ...s, ...patch } : s))),
    swap: (index: number, other: number) => {
      if (other < 0 || other >= stages.length) return;
      const next = [...stages];
      [next[index], next[other]] = [next[other]!, next[index]!];
      setStages(next);
    },
    remove: (index: number) => setStages(stages.filter((_, i) => i !== index)),
    add: () =>
      setStages([
        ...stages,
        {
          id: `stage-${Date.now().toString(36)}`,
          name: t('settings_new_stage'),
          entry: '',
          exitChecklist: [],
          bantGate: false,
        },
      ]),
  };
}

export type StageDraft = ReturnType<typeof useStageDraft>;
