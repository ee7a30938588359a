import type { StageDefinition } from '../../domain/types';
import { t } from '../../i18n/i18n';

interface Props {
  removed: StageDefinition[];
  stages: StageDefinition[];
  movesTo: Record<string, string>;
  setMovesTo: (movesTo: Record<string, string>) => void;
}

/** For each stage taken out of the pipeline, the stage its deals move to. */
export function RemovedStageMoves({ removed, stages, movesTo, setMovesTo }: Props) {
  return (
    <>
      {removed.map((stage) => (
        <label key={stage.id} class="move-to">
          <span>{t('settings_move_deals_of', stage.name)}</span>
          <select
            value={movesTo[stage.id] ?? ''}
            onChange={(e) =>
              setMovesTo({ ...movesTo, [stage.id]: (e.currentTarget as HTMLSelectElement).value })
            }
          >
            <option value="">—</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}
