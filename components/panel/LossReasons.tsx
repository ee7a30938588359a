import type { Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { kindName } from '../objection-kind';

interface Props {
  objections: Pick<Objection, 'id' | 'kind'>[];
  reason: string;
  onReason(reason: string): void;
}

/** A lost deal's logged objections, offered as its reason: one click adds a kind to it. */
export function LossReasons({ objections, reason, onReason }: Props) {
  const names = [...new Set(objections.map((o) => kindName(o.kind)))];
  if (names.length === 0) return null;
  const add = (name: string) => {
    const given = reason
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (!given.includes(name)) onReason([...given, name].join(', '));
  };
  return (
    <div class="tl-worked" role="group" aria-label={t('close_reason_objections')}>
      <span>{t('close_reason_objections')}</span>
      {names.map((name) => (
        <button type="button" key={name} class="tl-chip" onClick={() => add(name)}>
          {name}
        </button>
      ))}
    </div>
  );
}
