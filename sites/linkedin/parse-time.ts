// LinkedIn writes a conversation's day once, in a heading above a group of messages, and
// each group's clock time, in the member's language: "Today", "Yesterday", "Monday", "Nov 18",
// "Nov 18, 2025", "9:14 AM"; "Heute", "Gestern", "Montag", "18. Nov.", "14:03"; "今日", "昨日",
// "月曜日", "11月18日", "午後2:03"; "Tänään", "18.11.", "14.03"; "Bugün", "18 Kas". No tables
// of our own: the words for today and yesterday, month and weekday names, day periods and the
// order of day and month come from the runtime's own CLDR data through Intl, per language.

import {
  intlFormat,
  intlParts,
  longestFirst,
  SAMPLE_DATES,
  SAMPLE_HOURS,
} from '../shared/intl-words';

interface Words {
  /** "today" → 0, "yesterday" → 1 (days back). */
  rel: Map<string, number>;
  /** Month names (value 0-11) and weekday names (100 + day, Sunday 0), longest first. */
  names: [string, number][];
  /** Day periods ("pm", "午後", "ip") and whether they are the afternoon, longest first. */
  periods: [string, boolean][];
  /** Numeric dates put the day first (18.11.), not the month (11/18). */
  dayFirst: boolean;
}

// Tried after the page's and the browser's languages, when a heading reads in neither.
const LIKELY = 'en de fr es it pt nl sv da nb fi tr pl ja zh ko ru'.split(' ');
const cache = new Map<string, Words | null>();

function norm(text: string, tag: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase(tag)
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[.,،]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 1 digit, 2 letter of a spaced script, 0 else: a word ends where the kind changes (Han, kana and Thai never need a gap). */
const kind = (c = '') =>
  /\d/.test(c)
    ? 1
    : /\p{L}/u.test(c) && !/[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Thai}]/u.test(c)
      ? 2
      : 0;
const edge = (c: string | undefined, inner: string | undefined) =>
  !kind(c) || kind(c) !== kind(inner);

/** Where `form` stands as a word of its own in `text`, or -1. */
function find(text: string, form: string): number {
  for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
    if (edge(text[i - 1], form[0]) && edge(text[i + form.length], form.at(-1))) return i;
  }
  return -1;
}

/** One language's words, or null when the runtime has no data for it or the tag is not one. */
function build(tag: string): Words | null {
  try {
    if (!Intl.DateTimeFormat.supportedLocalesOf(tag).length) return null;
    const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    const rel = new Map([0, 1].map((n) => [norm(relative.format(-n, 'day'), tag), n] as const));
    const names = new Map<string, number>();
    const periods = new Map<string, boolean>();
    // Names alone and beside a day ("18. Nov."), and the day periods of a 12-hour clock.
    intlParts(
      tag,
      [
        [{ month: 'long' }, SAMPLE_DATES],
        [{ month: 'short' }, SAMPLE_DATES],
        [{ month: 'long', day: 'numeric' }, SAMPLE_DATES],
        [{ month: 'short', day: 'numeric' }, SAMPLE_DATES],
        [{ weekday: 'long' }, SAMPLE_DATES],
        [{ weekday: 'short' }, SAMPLE_DATES],
        [{ hour: 'numeric', hour12: true }, SAMPLE_HOURS],
      ],
      ({ type, value }, date) => {
        if (type === 'dayPeriod') periods.set(norm(value, tag), date.getUTCHours() >= 12);
        // (A month written as a number, "11", is no name.)
        else if ((type === 'month' || type === 'weekday') && !+value)
          names.set(
            norm(value, tag),
            type === 'month' ? date.getUTCMonth() : 100 + date.getUTCDay(),
          );
      },
    );
    const order = intlFormat(tag, { month: 'numeric', day: 'numeric' })
      .formatToParts(SAMPLE_DATES[0])
      .map((p) => p.type);
    return {
      rel,
      names: longestFirst(names),
      periods: longestFirst(periods),
      dayFirst: order.indexOf('day') < order.indexOf('month'),
    };
  } catch {
    return null; // Not a language tag Intl takes.
  }
}

function words(tag: string): Words | null {
  if (!cache.has(tag)) cache.set(tag, build(tag));
  return cache.get(tag)!;
}

function startOfDay(at: number): Date {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** The start of the day a heading names, read in one language, or null. */
function readDay(heading: string, now: number, w: Words, tag: string): Date | null {
  let text = norm(heading, tag);
  const today = startOfDay(now);
  const back = w.rel.get(text);
  if (back !== undefined) {
    today.setDate(today.getDate() - back);
    return today;
  }
  let month = -1;
  let weekday = -1;
  for (const [form, value] of w.names) {
    const i = find(text, form);
    if (i < 0) continue;
    if (value < 12) month = month < 0 ? value : month;
    else weekday = weekday < 0 ? value - 100 : weekday;
    text = `${text.slice(0, i)} ${text.slice(i + form.length)}`;
  }
  const numbers = text.match(/\d+/g) ?? [];
  const year = numbers.find((n) => n.length === 4);
  const small = numbers.filter((n) => n.length <= 2).map(Number);
  if (numbers.length !== small.length + (year ? 1 : 0)) return null;
  let day: number;
  if (month >= 0 && small.length === 1) day = small[0]!;
  // Two numbers are a numeric date in the language's order (a weekday beside them, or a
  // Japanese "日" read as Sunday, says nothing more).
  else if (month < 0 && small.length === 2)
    [day, month] = w.dayFirst ? [small[0]!, small[1]! - 1] : [small[1]!, small[0]! - 1];
  else if (weekday >= 0 && month < 0 && !numbers.length) {
    // A weekday names the last such day before today ("Today" names today).
    today.setDate(today.getDate() - ((today.getDay() - weekday + 7) % 7 || 7));
    return today;
  } else return null;
  const date = new Date(year ? Number(year) : today.getFullYear(), month, day);
  if (date.getMonth() !== month || date.getDate() !== day) return null;
  // Without a year, a date later than today is from last year.
  if (!year && date > today) date.setFullYear(date.getFullYear() - 1);
  return date.getMonth() === month ? date : null;
}

/** Minutes after midnight of a clock time in one language ("9:14 AM", "14.03", "午後2:03"), or null. */
function readClock(clock: string, w: Words, tag: string): number | null {
  const match = clock.normalize('NFKC').match(/(\d{1,2})[:.](\d{2})/);
  if (!match) return null;
  let hours = Number(match[1]);
  const text = norm(clock, tag);
  const period = w.periods.find(([form]) => find(text, form) >= 0);
  // Words beside the time must be a day period of this language.
  if (!period && /\p{L}/u.test(text)) return null;
  if (period?.[1] && hours < 12) hours += 12;
  if (period && !period[1] && hours === 12) hours = 0;
  return hours < 24 && Number(match[2]) < 60 ? hours * 60 + Number(match[2]) : null;
}

/**
 * A message's time from its day heading and clock, relative to now, or null when neither
 * the given languages (the page's and the browser's, best first) nor LinkedIn's most used
 * ones read them.
 */
export function parseLinkedInTime(
  heading: string,
  clock: string,
  now: number,
  languages: readonly (string | null | undefined)[] = [],
): number | null {
  for (const tag of new Set([
    ...languages,
    ...(globalThis.navigator?.languages ?? []),
    ...LIKELY,
  ])) {
    const w = tag ? words(tag) : null;
    const day = w && readDay(heading, now, w, tag!);
    const minutes = day && readClock(clock, w!, tag!);
    if (day && minutes !== null) {
      day.setHours(Math.floor(minutes / 60), minutes % 60);
      return day.getTime();
    }
  }
  return null;
}

/**
 * What a message's event URN says. Its short id "2-<base64>" decodes, in public captures, to
 * "<epoch ms>b<digits>-100&<the conversation's own id>": the time it was sent and the
 * conversation it belongs to (whose id is "2-" and the base64 of that part). Null where it
 * does not decode so.
 */
export function eventFacts(urn: string): { at: number | null; thread: string | null } {
  const text = decodeShortId(urn.match(/2-([\w+/-]+={0,2})\)?$/)?.[1]);
  const at = text?.match(/^(\d{13})b/)?.[1];
  return { at: at ? Number(at) : null, thread: text?.split('&')[1] || null };
}

/** The conversation a conversation id names, as event URNs write it, or null. */
export function threadOfConversation(conversationId: string): string | null {
  return decodeShortId(conversationId.match(/^2-([\w+/-]+={0,2})$/)?.[1]);
}

/**
 * The conversation id a thread of event URNs names: the inverse of threadOfConversation (the
 * thread is what atob decoded, so it always encodes again).
 */
export const conversationOfThread = (thread: string) => `2-${btoa(thread)}`;

function decodeShortId(base64: string | undefined): string | null {
  if (!base64) return null;
  try {
    return atob(base64.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null; // Not base64: the id says nothing.
  }
}
