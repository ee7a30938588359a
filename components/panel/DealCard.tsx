import { useState } from 'preact/hooks';
import type { BantKey, BantState } from '../../domain/types';
import { request, RequestError } from '../../messaging/client';
import type { Request } from '../../messaging/requests';
import type { DealView } from '../../storage/deal-view';
import { exactTime, money } from '../format';
import { t } from '../../i18n/i18n';
import { BantList } from './BantList';
import { DealActions } from './DealActions';
import { DealFacts } from './DealFacts';
import { DealLinkButtons } from './DealLinkButtons';
import { DealNotesField } from './DealNotesField';
import { DealStageField } from './DealStageField';
import { ExitChecklist } from './ExitChecklist';
import { MissingBantWarning } from './MissingBantWarning';
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

      <DealStageField
        deal={deal}
        stages={view.stages}
        move={(stageId) => void send({ type: 'stage.move', dealId: deal.id, stageId })}
      />

      <DealFacts
        deal={deal}
        whoseTurn={view.whoseTurn}
        followUpsUnknown={followUpsUnknown}
        now={now}
      />

      {view.uncheckedExit.length > 0 && deal.status === 'open' && (
        <ExitChecklist dealId={deal.id} items={view.uncheckedExit} send={send} />
      )}

      <BantList deal={deal} onChange={setBant} />

      {view.missing.length > 0 && deal.status === 'open' && (
        <MissingBantWarning dealId={deal.id} missing={view.missing} send={send} />
      )}

      <DealNotesField dealId={deal.id} notes={deal.notes} send={send} />

      <Objections
        dealId={deal.id}
        objections={view.objections}
        send={send}
        now={now}
        {...(readWords ? { readWords } : {})}
      />

      <DealActions deal={deal} objections={view.objections} send={send} now={now} />
      <DealLinkButtons dealId={deal.id} linkKey={linkKey} onUnlinked={() => onView(null)} />
      <ErrorLine message={error} />
    </section>
  );
}
