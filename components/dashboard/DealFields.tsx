import { parseAmount } from '../../storage/csv-values';
import type { Deal, Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import type { useStageMove } from '../hooks/use-stage-move';
import type { DealWrites } from './use-deal-writes';

interface TextFieldProps {
  label: string;
  value: string;
  save: (v: string) => void;
  extra?: Record<string, unknown>;
}

/** One labelled text input that saves when the rep leaves it. */
function TextField({ label, value, save, extra = {} }: TextFieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        value={value}
        onChange={(e) => save((e.currentTarget as HTMLInputElement).value)}
        {...extra}
      />
    </label>
  );
}

interface Props {
  deal: Deal;
  stages: Settings['stages'];
  stageMove: ReturnType<typeof useStageMove>;
  writes: DealWrites;
}

/** The deal's own fields: title, company, value, currency, expected close and stage. */
export function DealFields({ deal, stages, stageMove, writes: { patch, setError } }: Props) {
  const setValue = (text: string) => {
    const value = parseAmount(text);
    if (value === null) setError(t('csv_problem_amount'));
    else patch({ value });
  };
  return (
    <div class="detail-grid">
      <TextField
        label={t('deal_title')}
        value={deal.title}
        save={(title) => patch({ title })}
        extra={{ maxLength: 500 }}
      />
      <TextField
        label={t('deal_company')}
        value={deal.company}
        save={(company) => patch({ company })}
        extra={{ maxLength: 300 }}
      />
      <TextField
        label={t('deal_value')}
        value={String(deal.value)}
        save={setValue}
        extra={{ inputMode: 'decimal' }}
      />
      <TextField
        label={t('deal_currency')}
        value={deal.currency}
        save={(currency) => patch({ currency: currency.toUpperCase() })}
        extra={{ maxLength: 3 }}
      />
      <label class="field">
        <span>{t('deal_expected_close')}</span>
        <input
          type="date"
          value={deal.expectedClose ?? ''}
          onChange={(e) =>
            patch({ expectedClose: (e.currentTarget as HTMLInputElement).value || null })
          }
        />
      </label>
      <label class="field">
        <span>{t('deal_stage')}</span>
        <select
          value={stageMove.pending ?? deal.stageId}
          onChange={(e) => stageMove.choose((e.currentTarget as HTMLSelectElement).value)}
        >
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
