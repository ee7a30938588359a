import { useState } from 'preact/hooks';
import { pageForLink } from '../../storage/link-address';
import type { BantKey, BantState } from '../../domain/types';
import { request } from '../../messaging/client';
import { parseAmount } from '../../storage/csv-values';
import type { UpdateDealInput } from '../../storage/inputs';
import type {
  Contact,
  Deal,
  Link,
  Objection,
  Settings,
  StageChange,
  Touch,
} from '../../storage/schemas';
import { cadenceOf } from '../../domain/cadence';
import { whoseTurn } from '../../domain/follow-ups';
import { exactTime, relativeTime } from '../format';
import { t } from '../../i18n/i18n';
import { BantList } from '../panel/BantList';
import { DealActions } from '../panel/DealActions';
import { Objections } from '../panel/Objections';
import { objectionEvents } from './objection-events';
import { StageWarning } from '../StageWarning';
import { useStageMove } from '../hooks/use-stage-move';
import { writeErrorText } from './write-error';

interface Props {
  deal: Deal;
  contacts: Contact[];
  links: Link[];
  touches: Touch[];
  history: StageChange[];
  objections?: Objection[];
  settings: Settings;
}

type Event = { at: number; text: string; kind: string };

/** One deal, all of it editable, with its timeline and its threads, conversations and profiles. */
export function DealDetail({
  deal,
  contacts,
  links,
  touches,
  history,
  objections = [],
  settings,
}: Props) {
  const [error, setError] = useState<string | null>(null);
  const run = (write: () => Promise<unknown>) => () =>
    void write().catch((e: unknown) => setError(writeErrorText(e)));
  const patch = (fields: UpdateDealInput['patch']) =>
    run(() => request({ type: 'deal.update', input: { id: deal.id, patch: fields } }))();
  const stageMove = useStageMove(settings.stages, deal, (stageId) =>
    run(() => request({ type: 'stage.move', dealId: deal.id, stageId }))(),
  );
  const stageName = (id: string | null) =>
    id === null ? '' : (settings.stages.find((s) => s.id === id)?.name ?? id);
  const stage = settings.stages.find((s) => s.id === deal.stageId);
  const now = Date.now();
  const cadence = cadenceOf(deal, settings.cadence, now);
  const setValue = (text: string) => {
    const value = parseAmount(text);
    if (value === null) setError(t('csv_problem_amount'));
    else patch({ value });
  };

  const timeline: Event[] = [
    ...touches.map((touch) => ({
      at: touch.at,
      kind: touch.channel,
      text: `${t(`channel_${touch.channel}`)} · ${t(touch.direction === 'inbound' ? 'direction_inbound' : 'direction_outbound')}${touch.note ? ` · ${touch.note}` : ''}`,
    })),
    ...history.map((change) => ({
      at: change.at,
      kind: 'stage',
      text:
        change.from === null
          ? t('timeline_created', stageName(change.to))
          : t('timeline_moved', [stageName(change.from), stageName(change.to)]),
    })),
    ...objectionEvents(objections),
  ].sort((a, b) => b.at - a.at);

  const text = (
    label: string,
    value: string,
    save: (v: string) => void,
    extra: Record<string, unknown> = {},
  ) => (
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

  return (
    <section class="deal-detail" aria-labelledby="deal-detail-heading">
      <p>
        <a href="#board">← {t('board_heading')}</a>
      </p>
      <h2 id="deal-detail-heading">{deal.title}</h2>
      <p class="detail-state">
        <span class={`cadence cadence-${cadence.state}`}>
          {t(`cadence_${cadence.state.replace('-', '_')}`)}
        </span>
        {deal.status === 'open' && (
          <span>{t(whoseTurn(deal) === 'rep' ? 'turn_rep' : 'turn_them')}</span>
        )}
        {deal.followUpCount > 0 && <span>{t('follow_up_n', String(deal.followUpCount))}</span>}
        <span>
          {deal.lastTouchAt === null
            ? t('last_touch_never')
            : t('last_touch_ago', relativeTime(deal.lastTouchAt, now))}
        </span>
      </p>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <div class="detail-grid">
        {text(t('deal_title'), deal.title, (title) => patch({ title }), { maxLength: 500 })}
        {text(t('deal_company'), deal.company, (company) => patch({ company }), { maxLength: 300 })}
        {text(t('deal_value'), String(deal.value), setValue, { inputMode: 'decimal' })}
        {text(
          t('deal_currency'),
          deal.currency,
          (currency) => patch({ currency: currency.toUpperCase() }),
          { maxLength: 3 },
        )}
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
            {settings.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {stageMove.pending && (
        <StageWarning
          gaps={stageMove.gaps}
          onConfirm={stageMove.confirm}
          onCancel={stageMove.cancel}
        />
      )}
      <p class="hint">
        {deal.status === 'open'
          ? stage?.entry
          : `${t(`status_${deal.status}`)}${deal.closeReason ? `: ${deal.closeReason}` : ''}`}
      </p>

      {stage && stage.exitChecklist.length > 0 && (
        <fieldset>
          <legend>{t('exit_checklist')}</legend>
          {stage.exitChecklist.map((item) => (
            <label key={item.id} class="check">
              <input
                type="checkbox"
                checked={deal.checkedExitItems.includes(item.id)}
                onChange={(e) =>
                  run(() =>
                    request({
                      type: 'exit.tick',
                      dealId: deal.id,
                      itemId: item.id,
                      checked: (e.currentTarget as HTMLInputElement).checked,
                    }),
                  )()
                }
              />
              {item.text}
            </label>
          ))}
        </fieldset>
      )}

      {/* The panel's actions go through the same requests as in the panel (and the queue's). */}
      <Objections
        dealId={deal.id}
        objections={objections}
        send={(write) =>
          request(write).then(
            () => (setError(null), true),
            (e: unknown) => (setError(writeErrorText(e)), false),
          )
        }
        onRemove={(objectionId) => {
          if (confirm(t('objection_remove_confirm')))
            run(() => request({ type: 'objection.delete', objectionId }))();
        }}
        now={now}
      />

      <DealActions
        deal={deal}
        objections={objections}
        send={(action) =>
          request(action).then(
            () => setError(null),
            (e: Error) => setError(e.message),
          )
        }
        now={now}
      />

      <BantList
        deal={deal}
        onChange={(key: BantKey, state: BantState, note?: string) =>
          run(() =>
            request({
              type: 'bant.set',
              input: { dealId: deal.id, key, state, ...(note === undefined ? {} : { note }) },
            }),
          )()
        }
      />

      <label class="field">
        <span>{t('deal_notes')}</span>
        <textarea
          rows={4}
          value={deal.notes}
          onChange={(e) => patch({ notes: (e.currentTarget as HTMLTextAreaElement).value })}
        />
      </label>

      <h3>{t('detail_people')}</h3>
      <ul>
        {contacts.map((c) => (
          <li key={c.id}>
            {c.name} {c.email && <small>{c.email}</small>}{' '}
            {c.headline && <small>· {c.headline}</small>}
          </li>
        ))}
      </ul>

      <h3>{t('detail_links')}</h3>
      <ul>
        {links.map((link) => {
          // Only an address rebuilt from the link's ids on its own site; none, no link.
          const page = pageForLink(link);
          const text = `${t(`link_kind_${link.kind.replaceAll('-', '_')}`)}: ${link.label || link.externalId}`;
          return (
            <li key={link.key}>
              {page ? (
                <a href={page} target="_blank" rel="noreferrer">
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>

      <h3>{t('detail_timeline')}</h3>
      <ol class="timeline">
        {timeline.map((event, i) => (
          <li key={i} class={`event-${event.kind}`}>
            <time dateTime={new Date(event.at).toISOString()}>{exactTime(event.at)}</time>{' '}
            {event.text}
          </li>
        ))}
      </ol>

      <button
        type="button"
        class="danger"
        onClick={() => {
          if (
            confirm(
              t('detail_delete_confirm', [
                deal.title,
                String(links.length),
                String(touches.length),
              ]),
            )
          ) {
            run(async () => {
              await request({ type: 'deal.delete', dealId: deal.id, confirm: true });
              location.hash = 'board';
            })();
          }
        }}
      >
        {t('detail_delete')}
      </button>
    </section>
  );
}
