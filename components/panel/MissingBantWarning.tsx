import type { BantKey, ClosedStatus } from '../../domain/types';
import type { Request } from '../../messaging/requests';
import { t } from '../../i18n/i18n';

interface Props {
  dealId: string;
  /** The BANT items that rule the deal out as things stand. */
  missing: BantKey[];
  send(message: Extract<Request, { type: 'deal.close' }>): unknown;
}

/** Says which BANT items suggest disqualifying, and disqualifies with them as the reason. */
export function MissingBantWarning({ dealId, missing, send }: Props) {
  const names = missing.map((k) => t(`bant_${k}`)).join(', ');
  return (
    <div class="tl-warning">
      <p>{t('bant_missing_suggests', names)}</p>
      <button
        type="button"
        onClick={() =>
          void send({
            type: 'deal.close',
            input: { dealId, status: 'disqualified' as ClosedStatus, reason: names },
          })
        }
      >
        {t('disqualify')}
      </button>
    </div>
  );
}
