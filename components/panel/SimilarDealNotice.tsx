import { request, type RequestError } from '../../messaging/client';
import type { SimilarDeal } from '../../storage/owners';
import { t } from '../../i18n/i18n';

/**
 * Whether a refused create names a teammate's open deal for the same company (the worker
 * refuses a new deal in a team until the rep confirms they want another).
 */
export function namesSimilarDeal(error: unknown): error is RequestError {
  return !!(error as RequestError | null)?.details?.similar;
}

/** The refusal's words, in the rep's language, and a way to open the deal it names. */
export function SimilarDealNotice({ refusal }: { refusal: RequestError }) {
  const [deal] = refusal.details.similar as SimilarDeal[];
  return (
    <p role="status">
      {refusal.message}{' '}
      <button
        type="button"
        class="tl-secondary"
        onClick={() => void request({ type: 'deal.open', dealId: deal!.id })}
      >
        {t('similar_open')}
      </button>
    </p>
  );
}
