// Dates, times and money in the UI's language, with the browser's built-in Intl: no date
// library in the content scripts.

import { uiLanguage } from '../i18n/i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * One formatter per language and options: building an Intl formatter costs far more than
 * using one, and the dashboard formats thousands of dates and amounts per render.
 */
function cached<F>(
  make: (lang: string, option: string) => F,
): (lang: string, option?: string) => F {
  const made = new Map<string, F>();
  return (lang, option = '') => {
    const key = `${lang}\u0000${option}`;
    let formatter = made.get(key);
    if (formatter === undefined) made.set(key, (formatter = make(lang, option)));
    return formatter;
  };
}

const relativeFormat = cached((lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
const exactFormat = cached(
  (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }),
);
const dayFormat = cached((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }));
const moneyFormat = cached(
  (lang, currency) =>
    new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }),
);

/** "4 days ago", "4 gün önce", "4 päivää sitten"; "in 2 days" for future times. */
export function relativeTime(at: number, now: number, lang = uiLanguage()): string {
  const format = relativeFormat(lang);
  const diff = at - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(0, 'minute');
}

/** The exact date and time, for hover titles. */
export function exactTime(at: number, lang = uiLanguage()): string {
  return exactFormat(lang).format(at);
}

/** A calendar day: "Nov 4, 2026", "4 Kas 2026", "4.11.2026". */
export function calendarDay(at: number, lang = uiLanguage()): string {
  return dayFormat(lang).format(at);
}

export function money(value: number, currency: string, lang = uiLanguage()): string {
  try {
    return moneyFormat(lang, currency).format(value);
  } catch {
    // An unknown currency code throws when the formatter is built, so it is never cached.
    return `${value} ${currency}`;
  }
}
