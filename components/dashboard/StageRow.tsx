import type { StageDefinition } from '../../domain/types';
import { t } from '../../i18n/i18n';
import type { StageDraft } from './use-stage-draft';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The checklist typed one item a line; an item whose text is unchanged keeps its id. */
function checklistFrom(stage: StageDefinition, text: string): StageDefinition['exitChecklist'] {
  return lines(text).map((item, n) => ({
    id:
      stage.exitChecklist.find((kept) => kept.text === item)?.id ??
      `${stage.id}.${Date.now().toString(36)}${n}`,
    text: item,
  }));
}

interface Props {
  stage: StageDefinition;
  index: number;
  draft: StageDraft;
}

/** One stage in the editor: its name, entry criteria and exit checklist, and where it sits. */
export function StageRow({ stage, index, draft: { change, swap, remove } }: Props) {
  return (
    <li class="stage-row">
      <label>
        <span>{t('settings_stage_name', String(index + 1))}</span>
        <input
          type="text"
          value={stage.name}
          maxLength={100}
          onInput={(e) => change(index, { name: (e.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label>
        <span>{t('settings_stage_entry')}</span>
        <input
          type="text"
          value={stage.entry}
          maxLength={2000}
          onInput={(e) => change(index, { entry: (e.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label>
        <span>{t('settings_stage_exit')}</span>
        <textarea
          value={stage.exitChecklist.map((i) => i.text).join('\n')}
          onChange={(e) =>
            change(index, {
              exitChecklist: checklistFrom(stage, (e.currentTarget as HTMLTextAreaElement).value),
            })
          }
        />
      </label>
      <div class="row">
        <button
          type="button"
          aria-label={t('settings_move_up', stage.name)}
          onClick={() => swap(index, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('settings_move_down', stage.name)}
          onClick={() => swap(index, index + 1)}
        >
          ↓
        </button>
        <button type="button" onClick={() => remove(index)}>
          {t('settings_remove_stage', stage.name)}
        </button>
      </div>
    </li>
  );
}
