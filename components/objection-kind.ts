import { isBuiltInKind } from '../domain/objections';
import { t } from '../i18n/i18n';

/** A kind as the rep reads it: a built-in one in their language, their own as they typed it. */
export function kindName(kind: string): string {
  return isBuiltInKind(kind) ? t(`objection_kind_${kind}`) : kind;
}

/** A day as a date input holds it ("2026-11-04"), in the runtime's time zone. */
export function dayInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start of the day a date input names, or null when it names none. */
export function dayFromInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(at) ? null : at;
}
