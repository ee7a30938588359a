import { useState } from 'preact/hooks';
import type { ClosedStatus } from '../../domain/types';
import type { Request } from '../../messaging/requests';
import type { Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { LossReasons } from './LossReasons';

/**
 * How the rep is closing the deal. It lives with the button that folds the form away, so the
 * outcome and a half-written reason survive folding; the reason is cleared once closed.
 */
export function useCloseDraft(
  dealId: string,
  send: (message: Extract<Request, { type: 'deal.close' }>) => Promise<unknown>,
  onDone: () => void,
) {
  const [outcome, setOutcome] = useState<ClosedStatus>('won');
  const [reason, setReason] = useState('');
  const save = async () => {
    await send({ type: 'deal.close', input: { dealId, status: outcome, reason } });
    setReason('');
    onDone();
  };
  return { outcome, setOutcome, reason, setReason, save };
}

interface Props {
  draft: ReturnType<typeof useCloseDraft>;
  /** The deal's objections: offered as the reason when it is lost. */
  objections: Pick<Objection, 'id' | 'kind'>[];
}

/** Won, lost or disqualified, and why. */
export function CloseDealForm({ draft, objections }: Props) {
  return (
    <form class="tl-form" onSubmit={(e) => (e.preventDefault(), void draft.save())}>
      <label class="tl-field">
        <span>{t('close_outcome')}</span>
        <select
          value={draft.outcome}
          onChange={(e) =>
            draft.setOutcome((e.currentTarget as HTMLSelectElement).value as ClosedStatus)
          }
        >
          {(['won', 'lost', 'disqualified'] as const).map((status) => (
            <option value={status} key={status}>
              {t(`status_${status}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.outcome !== 'won' && (
        <LossReasons objections={objections} reason={draft.reason} onReason={draft.setReason} />
      )}
      <label class="tl-field">
        <span>{t('close_reason')}</span>
        <input
          type="text"
          value={draft.reason}
          maxLength={2000}
          onInput={(e) => draft.setReason((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <button type="submit">{t('close_deal_save')}</button>
    </form>
  );
}
