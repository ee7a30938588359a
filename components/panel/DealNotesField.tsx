import type { Request } from '../../messaging/requests';
import { t } from '../../i18n/i18n';

interface Props {
  dealId: string;
  notes: string;
  send(message: Extract<Request, { type: 'deal.update' }>): unknown;
}

/** The deal's free-text notes, saved when the rep leaves the field. */
export function DealNotesField({ dealId, notes, send }: Props) {
  return (
    <label class="tl-field">
      <span>{t('deal_notes')}</span>
      <textarea
        class="tl-notes"
        value={notes}
        maxLength={50_000}
        placeholder={t('deal_notes_placeholder')}
        onChange={(e) =>
          void send({
            type: 'deal.update',
            input: { id: dealId, patch: { notes: (e.currentTarget as HTMLTextAreaElement).value } },
          })
        }
      />
    </label>
  );
}
