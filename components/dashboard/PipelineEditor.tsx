import { useState } from 'preact/hooks';
import type { StageDefinition } from '../../domain/types';
import { request } from '../../messaging/client';
import { t } from '../../i18n/i18n';
import { RemovedStageMoves } from './RemovedStageMoves';
import { StageRow } from './StageRow';
import { useStageDraft } from './use-stage-draft';
import { writeErrorText } from './write-error';

interface Props {
  saved: StageDefinition[];
  onMessage: (message: { kind: 'ok' | 'error'; text: string }) => void;
}

/** The stage editor: stages renamed, reordered, added and removed, saved together. */
export function PipelineEditor({ saved, onMessage }: Props) {
  const draft = useStageDraft(saved);
  const { stages, removed } = draft;
  const [movesTo, setMovesTo] = useState<Record<string, string>>({});

  const save = async () => {
    try {
      await request({ type: 'pipeline.save', input: { stages, movesTo } });
      onMessage({ kind: 'ok', text: t('settings_saved') });
    } catch (error) {
      onMessage({ kind: 'error', text: writeErrorText(error) });
    }
  };

  return (
    <>
      <h3>{t('settings_stages')}</h3>
      <ol class="stage-editor">
        {stages.map((stage, index) => (
          <StageRow key={stage.id} stage={stage} index={index} draft={draft} />
        ))}
      </ol>
      <button type="button" onClick={draft.add}>
        {t('settings_add_stage')}
      </button>
      <RemovedStageMoves
        removed={removed}
        stages={stages}
        movesTo={movesTo}
        setMovesTo={setMovesTo}
      />
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('settings_save_pipeline')}
        </button>
      </div>
    </>
  );
}
