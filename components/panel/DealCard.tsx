import { useState } from 'preact/hooks';
import type { BantKey, BantState, ClosedStatus } from '../../domain/types';
import { request, RequestError } from '../../messaging/client';
import type { Request } from '../../messaging/requests';
import type { DealView } from '../../storage/deal-view';
import { exactTime, money, relativeTime } from '../format';
import { t } from '../../i18n/i18n';
import { StageWarning } from '../StageWarning';
import { useStageMove } from '../hooks/use-stage-move';
import { BantList } from './BantList';
import { DealActions } from './DealActions';
import { Objections, type ObjectionRequest } from './Objections';
import { ErrorLine } from './ErrorLine';

interface Props {
  view: DealView;
  /** The key of the thread, profile or conversation this panel is on. */
  linkKey: string;
  onView(view: DealView | null): void;
  /** Said instead of the follow-up count while part of the thread is not read yet. */
  followUpsUnknown?: string;
  /** The prospect's words in the open email or message, read by the content script. */
  readWords?: () => string | null;
  now?: number;
}

type ViewRequest = Extract<
  Request,
  {
    type:
      | 'stage.move'
      | 'bant.set'
      | 'exit.tick'
      | 'deal.snooze'
      | 'deal.close'
      | 'deal.reopen'
      | 'touch.record'
      | 'deal.update'
      | ObjectionRequest['type'];
  }
>;

/** A linked deal at a glance, with everything a rep changes from the inbox. */
export function DealCard({
  view,
  linkKey,
  onView,
  followUpsUnknown,
  readWords,
  now = Date.now(),
}: Props) {
  const { deal } = view;
  const [error, setError] = useState<string | null>(null);

  /** Sends a write and shows its result; false when it was refused (the form keeps its input). */
  const send = async (message: ViewRequest): Promise<boolean> => {
    setError(null);
    try {
      onView(await request(message));
      return true;
    } catch (e) {
      setError(e instanceof RequestError ? e.message : String(e));
      return false;
    }
  };

  const stageMove = useStageMove(
    view.stages,
    deal,
    (stageId) => void send({ type: 'stage.move', dealId: deal.id, stageId }),
  );

  const setBant = (key: BantKey, state: BantState, note?: string) =>
    void send({
      type: 'bant.set',
      input: { dealId: deal.id, key, state, ...(note === undefined ? {} : { note }) },
    });

  const cadenceText =
    view.cadence.state === 'snoozed' && deal.snoozedUntil
      ? t('cadence_snoozed_until', exactTime(deal.snoozedUntil))
      : t(`cadence_${view.cadence.state.replace('-', '_')}`);

  return (
    <section class="tl-deal" aria-label={deal.title} data-deal-id={deal.id}>
      <header>
        <h2 class="tl-title">{deal.title}</h2>
        <p class="tl-meta">
          {deal.company && <span class="tl-company">{deal.company}</span>}
          {deal.value > 0 && <span class="tl-value">{money(deal.value, deal.currency)}</span>}
        </p>
      </header>

      <p class={`tl-cadence tl-cadence-${view.cadence.state}`} role="status">
        {cadenceText}
      </p>

      {deal.status === 'open' ? (
        <label class="tl-field">
          <span>{t('deal_stage')}</span>
          <select
            value={stageMove.pending ?? deal.stageId}
            onChange={(e) => stageMove.choose((e.currentTarget as HTMLSelectElement).value)}
          >
            {view.stages.map((stage) => (
              <option value={stage.id} key={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p class="tl-closed">
          {t(`status_${deal.status}`)}
          {deal.closeReason && `: ${deal.closeReason}`}
        </p>
      )}

      {stageMove.pending && (
        <StageWarning
          prefix="tl-"
          gaps={stageMove.gaps}
          onConfirm={stageMove.confirm}
          onCancel={stageMove.cancel}
        />
      )}

      <ul class="tl-facts">
        {followUpsUnknown ? (
          <li class="tl-follow-ups tl-unread">{followUpsUnknown}</li>
        ) : (
          <li class="tl-follow-ups">{t('follow_up_n', String(deal.followUpCount))}</li>
        )}
        <li class="tl-last-touch">
          {deal.lastTouchAt === null ? (
            t('last_touch_never')
          ) : (
            <time
              dateTime={new Date(deal.lastTouchAt).toISOString()}
              title={exactTime(deal.lastTouchAt)}
            >
              {t('last_touch_ago', relativeTime(deal.lastTouchAt, now))}
            </time>
          )}
        </li>
        <li class="tl-turn">{t(view.whoseTurn === 'rep' ? 'turn_rep' : 'turn_them')}</li>
      </ul>

      {view.uncheckedExit.length > 0 && deal.status === 'open' && (
        <fieldset class="tl-exit">
          <legend>{t('exit_checklist')}</legend>
          {view.uncheckedExit.map((item) => (
            <label key={item.id} class="tl-check">
              <input
                type="checkbox"
                onChange={() =>
                  void send({ type: 'exit.tick', dealId: deal.id, itemId: item.id, checked: true })
                }
              />
              <span>{item.text}</span>
            </label>
          ))}
        </fieldset>
      )}

      <BantList deal={deal} onChange={setBant} />

      {view.missing.length > 0 && deal.status === 'open' && (
        <div class="tl-warning">
          <p>{t('bant_missing_suggests', view.missing.map((k) => t(`bant_${k}`)).join(', '))}</p>
          <button
            type="button"
            onClick={() =>
              void send({
                type: 'deal.close',
                input: {
                  dealId: deal.id,
                  status: 'disqualified' as ClosedStatus,
                  reason: view.missing.map((k) => t(`bant_${k}`)).join(', '),
                },
              })
            }
          >
            {t('disqualify')}
          </button>
        </div>
      )}

      <label class="tl-field">
        <span>{t('deal_notes')}</span>
        <textarea
          class="tl-notes"
          value={deal.notes}
          maxLength={50_000}
          placeholder={t('deal_notes_placeholder')}
          onChange={(e) =>
            void send({
              type: 'deal.update',
              input: {
                id: deal.id,
                patch: { notes: (e.currentTarget as HTMLTextAreaElement).value },
              },
            })
          }
        />
      </label>

      <Objections
        dealId={deal.id}
        objections={view.objections}
        send={send}
        now={now}
        {...(readWords ? { readWords } : {})}
      />

      <DealActions deal={deal} objections={view.objections} send={send} now={now} />
      <div class="tl-row tl-links">
        <button
          type="button"
          class="tl-link"
          onClick={() => void request({ type: 'dashboard.open', dealId: deal.id })}
        >
          {t('open_dashboard')}
        </button>
        <button
          type="button"
          class="tl-link"
          onClick={async () => {
            await request({ type: 'link.remove', key: linkKey });
            onView(null);
          }}
        >
          {t('unlink')}
        </button>
      </div>
      <ErrorLine message={error} />
    </section>
  );
}
