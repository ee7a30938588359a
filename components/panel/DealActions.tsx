import { useState } from 'preact/hooks';
import type { Channel, ClosedStatus, Direction } from '../../domain/types';
import type { Request } from '../../messaging/requests';
import type { Deal, Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { LossReasons } from './LossReasons';

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

const DAY = 86_400_000;
const SNOOZE_DAYS = [1, 3, 7];
// A call is the rep reaching out; a meeting means they showed up, which answers the
// follow-ups; a note is the rep's own.
const MANUAL_TOUCHES: { channel: Channel; direction: Direction }[] = [
  { channel: 'call', direction: 'outbound' },
  { channel: 'meeting', direction: 'inbound' },
  { channel: 'note', direction: 'outbound' },
];

/** Log a touch, snooze, close or reopen: in the panel and on the dashboard's deal page alike. */
export function DealActions({ deal, objections = [], send, now }: Props) {
  const [open, setOpen] = useState<'log' | 'close' | null>(null);
  const [channel, setChannel] = useState<Channel>('call');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<ClosedStatus>('won');
  const [reason, setReason] = useState('');

  const logTouch = async () => {
    const kind = MANUAL_TOUCHES.find((m) => m.channel === channel)!;
    await send({
      type: 'touch.record',
      input: { dealId: deal.id, channel, direction: kind.direction, at: Date.now(), note },
    });
    setNote('');
    setOpen(null);
  };

  const closeDeal = async () => {
    await send({ type: 'deal.close', input: { dealId: deal.id, status: outcome, reason } });
    setReason('');
    setOpen(null);
  };

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

      {open === 'log' && (
        <form class="tl-form" onSubmit={(e) => (e.preventDefault(), void logTouch())}>
          <label class="tl-field">
            <span>{t('touch_channel')}</span>
            <select
              value={channel}
              onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as Channel)}
            >
              {MANUAL_TOUCHES.map((m) => (
                <option value={m.channel} key={m.channel}>
                  {t(`channel_${m.channel}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="tl-field">
            <span>{t('touch_note')}</span>
            <textarea
              value={note}
              maxLength={10_000}
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </label>
          <button type="submit">{t('log_touch_save')}</button>
        </form>
      )}

      {open === 'close' && (
        <form class="tl-form" onSubmit={(e) => (e.preventDefault(), void closeDeal())}>
          <label class="tl-field">
            <span>{t('close_outcome')}</span>
            <select
              value={outcome}
              onChange={(e) =>
                setOutcome((e.currentTarget as HTMLSelectElement).value as ClosedStatus)
              }
            >
              {(['won', 'lost', 'disqualified'] as const).map((status) => (
                <option value={status} key={status}>
                  {t(`status_${status}`)}
                </option>
              ))}
            </select>
          </label>
          {outcome !== 'won' && (
            <LossReasons objections={objections} reason={reason} onReason={setReason} />
          )}
          <label class="tl-field">
            <span>{t('close_reason')}</span>
            <input
              type="text"
              value={reason}
              maxLength={2000}
              onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">{t('close_deal_save')}</button>
        </form>
      )}

      {deal.status === 'open' && (
        <div class="tl-row tl-snooze" role="group" aria-label={t('snooze')}>
          <span>{t('snooze')}</span>
          {SNOOZE_DAYS.map((days) => (
            <button
              type="button"
              key={days}
              onClick={() =>
                void send({ type: 'deal.snooze', dealId: deal.id, until: now + days * DAY })
              }
            >
              {t('snooze_days', String(days))}
            </button>
          ))}
          {deal.snoozedUntil !== null && deal.snoozedUntil > now && (
            <button
              type="button"
              class="tl-secondary"
              onClick={() => void send({ type: 'deal.snooze', dealId: deal.id, until: null })}
            >
              {t('snooze_clear')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
