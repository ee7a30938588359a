// Gmail writes each message's full date in the title of its date element, in the UI's
// language: "Tue, Nov 17, 2026, 9:14 AM", "17 Kas 2026 Sal 14:03", "ti 17.11.2026 klo 14.03",
// "2016年5月4日 上午10:08", "26 дек. 2019 г., 22:53". No table of month names here: the words
// of a language (month and weekday names in every form, day periods, the little words of its
// date patterns) come from the runtime's own CLDR data through Intl, built once per language.
// A tolerant reader of the parts then finds the year, the month (by name or number), the day
// and the time, and a weekday, when there is one, must agree with the date it names.

import {
  intlFormat,
  intlParts,
  longestFirst,
  SAMPLE_DATES,
  SAMPLE_HOURS,
} from '../shared/intl-words';

/** One language's words, as Intl writes them. Masks: bits 0-11 months, 12-18 weekdays (Sunday first), 19 any other known word. */
interface Lang {
  tag: string;
  /** Normalized single words and what they may mean. */
  words: Map<string, number>;
  /** Forms of more than one word or with digits ("11月", "thg 11", "terça-feira"), longest first. */
  phrases: [string, number][];
  /** Day periods ("pm", "午後", "ip") and the hours (bit per hour) each is written with, longest first. */
  periods: [string, number][];
  /** The numeric date's field order ("mdy", "dmy", "ymd") and separator ("/", ".", "-"). */
  order: string;
  sep: string;
  time: RegExp;
  /** Years the locale's own calendar runs ahead of the Gregorian one (Thai Buddhist: 543). */
  offset: number;
}

const MONTHS = 0xfff;
const DAYS = 0x7f000;
const WORD = 1 << 19;
// Gmail's most used interface languages, tried after the page's and the browser's own when
// the title does not read in those. Order matters only when two readings disagree.
const LIKELY =
  'en es fr de it pt ru ja zh-CN zh-TW ko nl pl tr sv da nb fi cs uk hu ro el he ar hi th vi id ms ca hr'.split(
    ' ',
  );

// Scripts written without spaces between words: their letters neither end nor begin a word.
const UNSPACED = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\p{sc=Thai}]/u;
const langs = new Map<string, Lang | null>();

/** 1 digit, 2 Latin letter, 3 letter of another spaced script, 0 anything else: a word ends where the kind changes. */
const kind = (c = '') =>
  /\d/.test(c)
    ? 1
    : /\p{sc=Latn}/u.test(c)
      ? 2
      : /[\p{L}\p{M}]/u.test(c) && !UNSPACED.test(c)
        ? 3
        : 0;
const edge = (c: string | undefined, inner: string | undefined) =>
  !kind(c) || kind(c) !== kind(inner);
const high = (mask: number) => 31 - Math.clz32(mask);

/** Lowercase, without bidi controls or the dots (commas, gereshes) after words, every digit ASCII, "p. m." as "pm". */
function normalize(text: string, tag: string): string {
  return text
    .replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .normalize('NFKC')
    .toLocaleLowerCase(tag)
    .replace(/\p{Nd}/gu, (d) => {
      // Unicode keeps every decimal digit in a run of ten from zero: count back to it.
      let n = 0;
      while (/\p{Nd}/u.test(String.fromCodePoint(d.codePointAt(0)! - n - 1))) n++;
      return '' + (n % 10);
    })
    .replace(/(?<=[\p{L}\p{M}])\p{Po}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<!\p{L})(\p{L}) (?=\p{L}(?!\p{L}))/gu, '$1')
    .trim();
}

function build(tag: string): Lang | null {
  if (!Intl.DateTimeFormat.supportedLocalesOf(tag).length) return null;
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  const periods = new Map<string, number>();
  const seen = new Set<string>();
  const add = (value: string, mask: number) => {
    if (seen.has(mask + value)) return;
    seen.add(mask + value);
    const form = normalize(value, tag);
    const single = /^[\p{L}\p{M}]+$/u.test(form);
    if (!single && mask !== WORD && /\p{L}/u.test(form))
      phrases.set(form, (phrases.get(form) ?? 0) | mask);
    for (const w of form.match(/[\p{L}\p{M}]+/gu) ?? [])
      words.set(w, (words.get(w) ?? 0) | (single ? mask : WORD));
  };
  const months = SAMPLE_DATES.slice(0, 12);
  const one = months.slice(10, 11);
  const short = {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  } as const;
  // Names alone and within a date (Polish "listopad", "listopada"), day periods, and the words around them.
  intlParts(
    tag,
    [
      [{ month: 'long' }, months],
      [{ month: 'short' }, months],
      [{ weekday: 'long' }, SAMPLE_DATES],
      [{ weekday: 'short' }, SAMPLE_DATES],
      [{ weekday: 'long', day: 'numeric', month: 'long' }, SAMPLE_DATES],
      [short, SAMPLE_DATES],
      [{ dateStyle: 'full', timeStyle: 'short' }, SAMPLE_DATES],
      [{ hour: 'numeric', hour12: true }, SAMPLE_HOURS],
      [{ hour: 'numeric', dayPeriod: 'short' }, SAMPLE_HOURS],
      [{ year: 'numeric' }, one],
      [{ day: 'numeric' }, one],
      [{ hour: 'numeric' }, one],
    ],
    ({ type, value }, d) => {
      const period = type === 'dayPeriod' && normalize(value, tag);
      if (period) periods.set(period, (periods.get(period) ?? 0) | (1 << d.getUTCHours()));
      else
        add(
          value,
          type === 'month'
            ? 1 << d.getUTCMonth()
            : type === 'weekday'
              ? 1 << (12 + d.getUTCDay())
              : WORD,
        );
    },
  );
  return {
    tag,
    words,
    phrases: longestFirst(phrases),
    periods: longestFirst(periods),
    ...buildNumbers(tag),
  };
}

/** How the language writes a date in numbers, a time, and its calendar's years. */
function buildNumbers(tag: string): Pick<Lang, 'order' | 'sep' | 'time' | 'offset'> {
  const numeric = intlFormat(tag, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(SAMPLE_DATES[0]);
  const clock = intlFormat(tag, {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(SAMPLE_DATES[0]);
  // Besides ":" and ".", the language's own word between hour and minute (Canadian French "14 h 05").
  let own = normalize(clock.find((p) => p.type === 'literal')?.value ?? '', tag);
  own = /^\p{L}+$/u.test(own) ? `| ?${own} ?` : '';
  return {
    order: numeric
      .map((p) => p.type[0])
      .filter((t) => 'dmy'.includes(t!))
      .join(''),
    sep: normalize(numeric.find((p) => p.type === 'literal')?.value ?? '', tag),
    // Hour and minute (and seconds) apart from any date written with the same separators.
    time: new RegExp(
      `(?<![\\d.:/-])(\\d{1,2})(?::|\\.${own})(\\d{2})(?:[:.]\\d{2})?(?!\\d|[.:/-]\\d)`,
    ),
    // How far the years of the locale's own calendar run ahead of ours (Thai Buddhist: 543).
    offset: Math.max(
      0,
      Number(
        normalize(
          new Intl.DateTimeFormat(tag, { year: 'numeric' }).format(SAMPLE_DATES[0]),
          tag,
        ).replace(/\D/g, ''),
      ) - 2026,
    ),
  };
}

/**
 * The title read in one language: `undefined` when its words are not the language's (in
 * `strict` mode, any word the language does not know), null when they are but make no date.
 * `trusted`: the page says it is in this language, so its numeric field order may settle a
 * day and month that could be either.
 */
function read(
  title: string,
  l: Lang,
  strict: boolean,
  trusted: boolean,
): number | null | undefined {
  const [rest, hours, minutes] = readTime(normalize(title, l.tag), l);
  const names = readNames(rest, l, strict);
  if (!names) return undefined;
  const [text, months, weekdays, known] = names;
  let year = 0;
  let yearAt = 0;
  const small: RegExpMatchArray[] = [];
  for (const n of text.matchAll(/\d+/g)) {
    if (n[0].length === 4 && !year) [year, yearAt] = [Number(n[0]), n.index!];
    else if (n[0].length < 3) small.push(n);
    else return null;
  }
  if (l.offset && year - l.offset > 1969) year -= l.offset;
  // No mail before 1970; a year far ahead is one of another calendar's.
  if (year < 1970 || year > 2300) return null;
  if (months & (months - 1) || weekdays & (weekdays - 1)) return null;
  let month: number;
  let day: number;
  if (months) {
    if (small.length !== 1) return null;
    month = high(months);
    day = Number(small[0]![0]);
  } else {
    const [first, second] = small;
    if (!first || !second || small.length > 2) return null;
    const a = Number(first[0]);
    const b = Number(second[0]);
    if (yearAt < first.index!) [month, day] = [a, b];
    else if (a > 12 || b > 12 || a === b) [day, month] = a > 12 ? [a, b] : [b, a];
    else {
      // 3/11/2026: the day and the month could be either. Only a language the page (or its
      // own words in the title) vouches for, writing that separator, may say which is which.
      const sep = text.slice(first.index! + first[0].length, second.index).trim();
      if (!(trusted || (strict && known)) || sep !== l.sep || l.order[0] === 'y') return null;
      [day, month] = l.order[0] === 'd' ? [a, b] : [b, a];
    }
    month -= 1;
  }
  if (hours > 23 || minutes > 59) return null;
  const date = new Date(year, month, day, hours, minutes);
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day)
    return null;
  if (weekdays && date.getDay() !== high(weekdays) - 12) return null;
  return date.getTime();
}

/** Hour and minute, with the day period settling which half of the day, and the text without them. */
function readTime(text: string, l: Lang): [string, number, number] {
  let hours = 0;
  let minutes = 0;
  const time = l.time.exec(text);
  if (time) {
    hours = Number(time[1]);
    minutes = Number(time[2]);
    let before = text.slice(0, time.index).trimEnd();
    let after = text.slice(time.index + time[0].length).trimStart();
    for (const [period, mask] of l.periods) {
      const next = after.startsWith(period) && edge(after[period.length], period.at(-1));
      if (!next && !(before.endsWith(period) && edge(before.at(-period.length - 1), period[0])))
        continue;
      if (next) after = after.slice(period.length);
      else before = before.slice(0, -period.length);
      if (hours && hours < 13) {
        // Of the two hours it can be, the one the period is written with; failing that (Korean
        // 오후 is 13-17 only, 저녁 the evening), the afternoon if the period reaches into it.
        const am = hours % 12;
        hours = (mask >> am) & 1 && !((mask >> (am + 12)) & 1) ? am : mask >> 12 ? am + 12 : am;
      }
      break;
    }
    text = `${before} ${after}`;
  }
  return [text, hours, minutes];
}

/**
 * The text without its phrases, and the months, weekdays (masks) and whether any word was the
 * language's; undefined when `strict` finds a word the language does not know.
 */
function readNames(
  text: string,
  l: Lang,
  strict: boolean,
): [string, number, number, boolean] | undefined {
  let months = 0;
  let either = 0;
  let weekdays = 0;
  let known = false;
  const mean = (mask: number) => {
    known = true;
    // Also a plain word of the language's patterns (Japanese 日, 月): it names nothing for sure.
    if (mask & WORD) return;
    if (mask & MONTHS && mask & DAYS) either |= mask & MONTHS;
    else if (mask & MONTHS) months |= mask;
    else weekdays |= mask & DAYS;
  };
  for (const [phrase, mask] of l.phrases) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
      if (!edge(text[i - 1], phrase[0]) || !edge(text[i + phrase.length], phrase.at(-1))) continue;
      mean(mask);
      text = `${text.slice(0, i)} ${text.slice(i + phrase.length)}`;
    }
  }
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const mask = l.words.get(word) ?? (word.length > 2 ? prefix(word, l) : 0);
    if (mask) mean(mask);
    else if (split(word, l, mean)) continue;
    else if (strict) return undefined;
  }
  return [text, months || either, weekdays, known];
}

/** A word that begins exactly one month's or one weekday's names: "sept" for September when the runtime writes "sep". */
function prefix(word: string, l: Lang): number {
  let mask = 0;
  for (const [form, meaning] of l.words)
    if (form.startsWith(word)) mask |= meaning & (MONTHS | DAYS);
  return mask & (mask - 1) ? 0 : mask;
}

/** A word made of known words, longest first: Japanese "日火曜日" (日, 火曜日), Hebrew "בנוב" (ב, נוב). */
function split(word: string, l: Lang, mean: (mask: number) => void): boolean {
  const masks: number[] = [];
  for (let i = 0, j = word.length; i < word.length; i = j, j = word.length) {
    while (j > i && !l.words.has(word.slice(i, j))) j--;
    if (j === i) return false;
    masks.push(l.words.get(word.slice(i, j))!);
  }
  masks.forEach(mean);
  return true;
}

/**
 * Epoch ms of a Gmail date title, in the browser's time zone, or null if it cannot be read.
 * `language`: the page's `<html lang>`; when the title does not read in it (or it is missing),
 * the browser's languages and then Gmail's most used ones are tried.
 */
export function parseGmailDate(title: string, language?: string | null): number | null {
  if (!/\p{Nd}{4}/u.test(title)) return null;
  const tags = [language, ...(globalThis.navigator?.languages ?? []), ...LIKELY];
  let words = false;
  for (const strict of [true, false]) {
    // Words all of one language that make no date (Feb 30, a Wednesday 3 November 2026) are
    // not read again with words passed over.
    if (words) break;
    for (const tag of new Set(tags)) {
      if (tag && !langs.has(tag)) {
        try {
          langs.set(tag, build(tag));
        } catch {
          langs.set(tag, null); // Not a language tag Intl takes.
        }
      }
      const l = tag && langs.get(tag);
      const at = l ? read(title, l, strict, tag === language) : undefined;
      if (at != null) return at;
      words ||= at === null;
    }
  }
  return null;
}
