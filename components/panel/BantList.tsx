import { bantPromptKey } from '../../domain/bant';
import { BANT_KEYS, BANT_STATES, type BantKey, type BantState } from '../../domain/types';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { SelectAfterPaint } from './SelectAfterPaint';

interface Props {
  deal: Deal;
  onChange(key: BantKey, state: BantState, note?: string): void;
}

/** The four BANT items, each settable in place; unknown ones show the question to ask. */
export function BantList({ deal, onChange }: Props) {
  return (
    <fieldset class="tl-bant">
      <legend>BANT</legend>
      {BANT_KEYS.map((key) => {
        const item = deal.bant[key];
        return (
          <div class={`tl-bant-item tl-bant-${item.state}`} key={key} data-bant={key}>
            <label>
              <span class="tl-bant-name">{t(`bant_${key}`)}</span>
              <SelectAfterPaint
                value={item.state}
                label={t(`bant_${key}`)}
                options={BANT_STATES.map((state) => ({
                  value: state,
                  label: t(`bant_state_${state}`),
                }))}
                onChoose={(state) => onChange(key, state as BantState)}
              />
            </label>
            {item.state === 'unknown' && <p class="tl-prompt">{t(bantPromptKey(key))}</p>}
            <input
              type="text"
              class="tl-note"
              placeholder={t('bant_note_placeholder')}
              aria-label={`${t(`bant_${key}`)}: ${t('bant_note_placeholder')}`}
              value={item.note}
              maxLength={2000}
              onChange={(e) =>
                onChange(key, item.state, (e.currentTarget as HTMLInputElement).value)
              }
            />
          </div>
        );
      })}
    </fieldset>
  );
}
