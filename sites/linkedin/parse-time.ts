// LinkedIn writes a conversation's day once, in a heading above a group of messages
// ("Today", "Yesterday", "Monday", "Nov 18", "Nov 18, 2025"; "Bugün", "Dün", "Pazartesi",
// "18 Kas"; "Tänään", "Eilen", "maanantai", "18.11."), and each group's clock time
// ("9:14 AM", "14:03", "14.03"). This turns the two into a time, relative to now.

const DAY_WORDS: Record<string, number> = {
  today: 0, bugün: 0, tänään: 0,
  yesterday: 1, dün: 1, eilen: 1,
};
const WEEKDAYS: string[][] = [
  ['sun', 'paz', 'sunnuntai'], // 0 Sunday: "Pazar" and "Pazartesi" both start with "paz"; Monday is checked first
  ['mon', 'pazartesi', 'maanantai'],
  ['tue', 'salı', 'sal', 'tiistai'],
  ['wed', 'çarşamba', 'çar', 'keskiviikko'],
  ['thu', 'perşembe', 'per', 'torstai'],
  ['fri', 'cuma', 'perjantai'],
  ['sat', 'cumartesi', 'cmt', 'lauantai'],
];
const MONTHS: string[][] = [
  ['jan', 'oca', 'tammi'], ['feb', 'şub', 'helmi'], ['mar', 'maalis'], ['apr', 'nis', 'huhti'],
  ['may', 'touko'], ['jun', 'haz', 'kesä'], ['jul', 'tem', 'heinä'], ['aug', 'ağu', 'elo'],
  ['sep', 'eyl', 'syys'], ['oct', 'eki', 'loka'], ['nov', 'kas', 'marras'], ['dec', 'ara', 'joulu'],
];

function startOfDay(at: number): Date {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** Every form with its index, longest first, so "pazartesi" (Monday) is not read as "paz" (Sunday). */
function formsOf(table: string[][]): (readonly [string, number])[] {
  return table.flatMap((list, i) => list.map((form) => [form, i] as const)).sort((a, b) => b[0].length - a[0].length);
}
const MONTH_FORMS = formsOf(MONTHS);
const WEEKDAY_FORMS = formsOf(WEEKDAYS);

function findIndex(forms: (readonly [string, number])[], word: string): number {
  return forms.find(([form]) => word.startsWith(form))?.[1] ?? -1;
}

/** The start of the day a heading names, or null. */
export function parseDayHeading(heading: string, now: number): Date | null {
  const text = heading.trim().toLocaleLowerCase('tr');
  const today = startOfDay(now);
  const word = text.match(/\p{L}+/u)?.[0] ?? '';
  if (word in DAY_WORDS && !/\d/.test(text)) {
    today.setDate(today.getDate() - DAY_WORDS[word]!);
    return today;
  }
  const numeric = text.match(/(\d{1,2})\.(\d{1,2})\.(\d{4})?/);
  const year = text.match(/\b(\d{4})\b/);
  const dayNumber = text.match(/\b(\d{1,2})\b/);
  const month = numeric ? Number(numeric[2]) - 1 : word ? findIndex(MONTH_FORMS, word) : -1;
  if (month >= 0 && (numeric || dayNumber)) {
    const day = numeric ? Number(numeric[1]) : Number(dayNumber![1]);
    const explicitYear = numeric?.[3] ?? year?.[1];
    const date = new Date(explicitYear ? Number(explicitYear) : today.getFullYear(), month, day);
    // Without a year, a date later than today is from last year.
    if (!explicitYear && date > today) date.setFullYear(date.getFullYear() - 1);
    return date.getMonth() === month && date.getDate() === day ? date : null;
  }
  const weekday = word ? findIndex(WEEKDAY_FORMS, word) : -1;
  if (weekday >= 0) {
    const back = (today.getDay() - weekday + 7) % 7 || 7;
    today.setDate(today.getDate() - back);
    return today;
  }
  return null;
}

/** Minutes after midnight of a clock time ("9:14 AM", "14:03", "14.03"), or null. */
export function parseClock(clock: string): number | null {
  const match = clock.replace(/[\u00a0\u202f]/g, ' ').match(/(\d{1,2})[:.](\d{2})\s*([AaPp])?/);
  if (!match) return null;
  let hours = Number(match[1]);
  const meridiem = match[3]?.toLowerCase();
  if (meridiem === 'p' && hours < 12) hours += 12;
  if (meridiem === 'a' && hours === 12) hours = 0;
  return hours < 24 ? hours * 60 + Number(match[2]) : null;
}

/** A message's time from its day heading and clock, or null when either cannot be read. */
export function parseLinkedInTime(heading: string, clock: string, now: number): number | null {
  const day = parseDayHeading(heading, now);
  const minutes = parseClock(clock);
  if (!day || minutes === null) return null;
  day.setHours(Math.floor(minutes / 60), minutes % 60);
  return day.getTime();
}
