import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { isPromiseOpen } from '../../domain/objections';
import type { Request } from '../../messaging/requests';
import type { Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { calendarDay } from '../format';
import { kindName } from '../objection-kind';
import { ObjectionForm } from './ObjectionForm';

export type ObjectionRequest = Extract<
  Request,
  { type: 'objection.log' | 'objection.answer' | 'objection.delete' }
>;

interface Props {
  dealId: string;
  objections: Objection[];
  /** Sends a write; resolves false when it was refused (the caller shows why). */
  send(message: ObjectionRequest): Promise<boolean>;
  /** The prospect's words in the open email or message, read from the page; absent elsewhere. */
  readWords?: () => string | null;
  /** Removes an objection logged by mistake: offered on the deal's page. */
  onRemove?: (objectionId: string) => void;
  now: number;
}

/** A deal's objections, newest first, with the answers owed and a way to log another. */
export function Objections({ dealId, objections, send, readWords, onRemove, now }: Props) {
  const [logging, setLogging] = useState(false);
  return (
    <section class="tl-objections" aria-label={t('objections')}>
      <h3 class="tl-subhead">{t('objections')}</h3>
      {objections.length > 0 && (
        <ul class="tl-objection-list">
          {[...objections].reverse().map((objection) => (
            <ObjectionItem key={objection.id} objection={objection} send={send} now={now}>
              {onRemove && (
                <button type="button" class="tl-link" onClick={() => onRemove(objection.id)}>
                  {t('objection_remove')}
                </button>
              )}
            </ObjectionItem>
          ))}
        </ul>
      )}
      {logging ? (
        <ObjectionForm
          dealId={dealId}
          send={send}
          now={now}
          onDone={() => setLogging(false)}
          {...(readWords ? { readWords } : {})}
        />
      ) : (
        <button type="button" class="tl-secondary" onClick={() => setLogging(true)}>
          {t('objection_log')}
        </button>
      )}
    </section>
  );
}

function ObjectionItem({
  objection,
  send,
  now,
  children,
}: {
  objection: Objection;
  send: Props['send'];
  now: number;
  children?: ComponentChildren;
}) {
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');
  const owed = isPromiseOpen(objection);
  const save = async () => {
    if (await send({ type: 'objection.answer', input: { id: objection.id, answer } }))
      setAnswering(false);
  };
  return (
    <li class="tl-objection" data-objection-id={objection.id}>
      <strong>{kindName(objection.kind)}</strong>
      {objection.words && <q>{objection.words}</q>}
      {objection.answer && <p class="tl-answer">{objection.answer}</p>}
      {owed && (
        <p class={objection.answerDueAt! <= now ? 'tl-promise tl-promise-due' : 'tl-promise'}>
          {t('objection_promised_for', calendarDay(objection.answerDueAt!))}
        </p>
      )}
      {!objection.answer &&
        (answering ? (
          <form class="tl-form" onSubmit={(e) => (e.preventDefault(), void save())}>
            <label class="tl-field">
              <span>{t('objection_answer')}</span>
              <textarea
                required
                maxLength={5_000}
                value={answer}
                onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </label>
            <button type="submit">{t('objection_answer_save')}</button>
          </form>
        ) : (
          <button type="button" class="tl-link" onClick={() => setAnswering(true)}>
            {t('objection_answer_log')}
          </button>
        ))}
      {children}
    </li>
  );
}
