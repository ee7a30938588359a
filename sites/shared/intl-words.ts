// Dates written in the reader's language are read with no tables of our own: the words of a
// language (month and weekday names, day periods, the order of a numeric date) come from the
// runtime's own CLDR data, by formatting known dates with Intl and keeping each part's type.
// Gmail's and LinkedIn's date readers build their word tables from the same parts.

/** The 1st of each month of 2026 at 14:05, then Sunday 4 to Saturday 10 January at 14:05. */
export const SAMPLE_DATES = Array.from(
  { length: 19 },
  (_, i) => new Date(Date.UTC(2026, i < 12 ? i : 0, i < 12 ? 1 : i - 8, 14, 5)),
);
/** Every hour of 1 January 2026: the day periods ("am", "午後", "ip") each hour is written with. */
export const SAMPLE_HOURS = Array.from({ length: 24 }, (_, h) => new Date(Date.UTC(2026, 0, 1, h)));

/** A formatter for a language in UTC and the Gregorian calendar: what it writes depends on the language only. */
export const intlFormat = (tag: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(tag, { timeZone: 'UTC', calendar: 'gregory', ...options });

/** Gives `visit` every part Intl writes in `tag` for each format on each of its dates. */
export function intlParts(
  tag: string,
  formats: [Intl.DateTimeFormatOptions, Date[]][],
  visit: (part: Intl.DateTimeFormatPart, date: Date) => void,
): void {
  for (const [options, dates] of formats) {
    const format = intlFormat(tag, options);
    for (const date of dates) for (const part of format.formatToParts(date)) visit(part, date);
  }
}

/** A table's forms, longest first: a longer form is tried before the shorter one inside it. */
export const longestFirst = <T>(map: Map<string, T>) =>
  [...map].sort(([a], [b]) => b.length - a.length);
