import type { Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { kindName } from '../objection-kind';

/** A deal's objections on its timeline: when each was heard, and when each was answered. */
export function objectionEvents(
  objections: readonly Objection[],
): { at: number; text: string; kind: string }[] {
  return objections.flatMap((o) => {
    const kind = kindName(o.kind);
    const heard = {
      at: o.createdAt,
      kind: 'objection',
      text: `${t('timeline_objection', kind)}${o.words ? ` · “${o.words}”` : ''}`,
    };
    // An answer given as the objection was logged is part of the same event.
    if (!o.answer) return [heard];
    if (o.answeredAt === null || o.answeredAt === o.createdAt)
      return [{ ...heard, text: `${heard.text} · ${o.answer}` }];
    return [
      heard,
      { at: o.answeredAt, kind: 'objection', text: t('timeline_answered', [kind, o.answer]) },
    ];
  });
}
