import { useState } from 'preact/hooks';
import { BUILT_IN_KINDS, defaultAnswerDue } from '../../domain/objections';
import { t } from '../../i18n/i18n';
import { dayFromInput, dayInputValue, kindName } from '../objection-kind';
import type { ObjectionRequest } from './Objections';
import { useAnswersThatWorked } from './use-answers-that-worked';

interface Props {
  dealId: string;
  send(message: ObjectionRequest): Promise<boolean>;
  readWords?: () => string | null;
  now: number;
  onDone(): void;
}

/** The select's value for a kind the rep names. */
const OTHER = '';

const field = (set: (value: string) => void) => (e: Event) =>
  set((e.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);

/** Log an objection: its kind, the prospect's words, the answer given or promised. */
export function ObjectionForm({ dealId, send, readWords, now, onDone }: Props) {
  const [kind, setKind] = useState<string>(BUILT_IN_KINDS[0]);
  const [other, setOther] = useState('');
  const [words, setWords] = useState('');
  const [answer, setAnswer] = useState('');
  const [promise, setPromise] = useState(false);
  const [due, setDue] = useState(() => dayInputValue(defaultAnswerDue(now)));
  const [noWords, setNoWords] = useState(false);
  const chosen = kind === OTHER ? other.trim() : kind;

  const takeWords = () => {
    const read = readWords?.() ?? null;
    setNoWords(read === null);
    if (read !== null) setWords(read);
  };
  const submit = async () => {
    const answerDueAt = promise ? dayFromInput(due) : null;
    const input = { dealId, kind: chosen, words, answer, answerDueAt };
    if (await send({ type: 'objection.log', input })) onDone();
  };

  return (
    <form class="tl-form tl-objection-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <KindPicker kind={kind} other={other} onKind={setKind} onOther={setOther} />
      <label class="tl-field">
        <span>{t('objection_words')}</span>
        <textarea maxLength={5_000} value={words} onInput={field(setWords)} />
      </label>
      {readWords && (
        <button type="button" class="tl-link" onClick={takeWords}>
          {t('objection_words_take')}
        </button>
      )}
      {noWords && <p class="tl-hint">{t('objection_words_none')}</p>}
      <WorkedAnswers kind={chosen} onPick={setAnswer} />
      <label class="tl-field">
        <span>{t('objection_answer')}</span>
        <textarea maxLength={5_000} value={answer} onInput={field(setAnswer)} />
      </label>
      <label class="tl-check">
        <input
          type="checkbox"
          checked={promise}
          onChange={(e) => setPromise((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('objection_promise')}</span>
      </label>
      {promise && (
        <label class="tl-field">
          <span>{t('objection_promise_due')}</span>
          <input type="date" required value={due} onInput={field(setDue)} />
        </label>
      )}
      <div class="tl-row">
        <button type="submit">{t('objection_save')}</button>
        <button type="button" class="tl-secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** A built-in kind, or one the rep names. */
function KindPicker(props: {
  kind: string;
  other: string;
  onKind(kind: string): void;
  onOther(name: string): void;
}) {
  return (
    <>
      <label class="tl-field">
        <span>{t('objection_kind')}</span>
        <select value={props.kind} onChange={field(props.onKind)}>
          {BUILT_IN_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindName(k)}
            </option>
          ))}
          <option value={OTHER}>{t('objection_kind_other')}</option>
        </select>
      </label>
      {props.kind === OTHER && (
        <label class="tl-field">
          <span>{t('objection_kind_name')}</span>
          <input
            type="text"
            required
            maxLength={80}
            value={props.other}
            onInput={field(props.onOther)}
          />
        </label>
      )}
    </>
  );
}

/** The answers given to this kind on won deals; one click makes one the answer. */
function WorkedAnswers({ kind, onPick }: { kind: string; onPick(answer: string): void }) {
  const worked = useAnswersThatWorked(kind);
  if (worked.length === 0) return null;
  return (
    <div class="tl-worked" role="group" aria-label={t('objection_worked')}>
      <span>{t('objection_worked')}</span>
      {worked.map((w) => (
        <button type="button" key={w.objectionId} class="tl-chip" onClick={() => onPick(w.answer)}>
          {w.answer}
        </button>
      ))}
    </div>
  );
}
