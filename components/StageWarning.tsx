import type { BantKey } from '../domain/types';
import { t } from '../i18n/i18n';

interface Props {
  gaps: BantKey[];
  onConfirm(): void;
  onCancel(): void;
  /** The panel's classes carry its `tl-` prefix (they live beside Gmail's); the dashboard's do not. */
  prefix?: 'tl-' | '';
}

/** Asks before a deal moves past qualification with BANT gaps, naming the gaps. */
export function StageWarning({ gaps, onConfirm, onCancel, prefix = '' }: Props) {
  return (
    <div class={`${prefix}warning`} role="alert">
      <p>{t('stage_warning_gaps', gaps.map((g) => t(`bant_${g}`)).join(', '))}</p>
      <button type="button" onClick={onConfirm}>
        {t('stage_move_anyway')}
      </button>
      <button type="button" class={`${prefix}secondary`} onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
