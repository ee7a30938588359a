import { useState } from 'preact/hooks';
import type { Request } from '../../messaging/requests';
import type { Deal, Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { CloseDealForm, useCloseDraft } from './CloseDealForm';
import { LogTouchForm, useTouchDraft } from './LogTouchForm';
import { SnoozeRow } from './SnoozeRow';

type ActionRequest = Extract<
  Request,
  { type: 'deal.snooze' | 'deal.close' | 'deal.reopen' | 'touch.record' }
>;

interface Props {
  deal: Deal;
  /** The deal's objections: offered as the reason when it is lost. */
  objections?: Pick<Objection, 'id' | 'kind'>[];
  send(message: ActionRequest): Promise<unknown>;
  now: number;
}

/** Log a touch, snooze, close or reopen: in the panel and on the dashboard's deal page alike. */
export function DealActions({ deal, objections = [], send, now }: Props) {
  const [open, setOpen] = useState<'log' | 'close' | null>(null);
  const touch = useTouchDraft(deal.id, send, () => setOpen(null));
  const closing = useCloseDraft(deal.id, send, () => setOpen(null));

  return (
    <div class="tl-actions">
      <div class="tl-row">
        <button
          type="button"
          aria-expanded={open === 'log'}
          onClick={() => setOpen(open === 'log' ? null : 'log')}
        >
          {t('log_touch')}
        </button>
        {deal.status === 'open' ? (
          <button
            type="button"
            aria-expanded={open === 'close'}
            onClick={() => setOpen(open === 'close' ? null : 'close')}
          >
            {t('close_deal')}
          </button>
        ) : (
          <button type="button" onClick={() => void send({ type: 'deal.reopen', dealId: deal.id })}>
            {t('reopen_deal')}
          </button>
        )}
      </div>

      {open === 'log' && <LogTouchForm draft={touch} />}
      {open === 'close' && <CloseDealForm draft={closing} objections={objections} />}
      {deal.status === 'open' && <SnoozeRow deal={deal} send={send} now={now} />}
    </div>
  );
}
