// Gmail writes each message's full date in the title of its date element, in the UI's
// language: "Tue, Nov 17, 2026, 9:14 AM", "17 Kas 2026 Sal 14:03", "ti 17.11.2026 klo 14.03".
// A tolerant reader of the parts beats a parser per format (and needs no date library in
// the content script): find the year, the month (by name or number), the day, the time.

const MONTHS: Record<string, number> = {};
const names = [
  // English, Turkish, Finnish month names and their abbreviations, January first.
  ['jan', 'oca', 'tammi'],
  ['feb', 'şub', 'sub', 'helmi'],
  ['mar', 'maalis'],
  ['apr', 'nis', 'huhti'],
  ['may', 'touko'],
  ['jun', 'haz', 'kesä', 'kesa'],
  ['jul', 'tem', 'heinä', 'heina'],
  ['aug', 'ağu', 'agu', 'elo'],
  ['sep', 'eyl', 'syys'],
  ['oct', 'eki', 'loka'],
  ['nov', 'kas', 'marras'],
  ['dec', 'ara', 'joulu'],
];
names.forEach((forms, month) => forms.forEach((form) => (MONTHS[form] = month)));
// Longest form first: Finnish "marraskuu" (November) must not read as English "mar".
const MONTH_FORMS = Object.entries(MONTHS).sort(([a], [b]) => b.length - a.length);

function monthOf(word: string): number | undefined {
  const lower = word.toLocaleLowerCase('tr');
  for (const [form, month] of MONTH_FORMS) {
    if (lower.startsWith(form)) return month;
  }
  return undefined;
}

/** Epoch ms of a Gmail date title, in the browser's time zone, or null if it cannot be read. */
export function parseGmailDate(title: string, _language?: string | null): number | null {
  const text = title.replace(/[\u00a0\u202f\u200e\u200f\u202a-\u202e]/g, ' ');
  const time = text.match(/(\d{1,2})[:.](\d{2})(?:\s*([AaPp])\.?\s*[Mm]\.?)?(?!\d)(?![.]\d{4})/);
  const numeric = text.match(/(\d{1,2})\.(\d{1,2})\.(\d{4})/);
  let year: number, month: number | undefined, day: number;
  if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[2]) - 1;
    year = Number(numeric[3]);
  } else {
    const yearMatch = text.match(/\b(\d{4})\b/);
    const word = text.match(/\p{L}{3,}/gu)?.map(monthOf).find((m) => m !== undefined);
    const dayMatch = text.replace(yearMatch?.[0] ?? '', ' ').replace(time?.[0] ?? '', ' ').match(/\b(\d{1,2})\b/);
    if (!yearMatch || word === undefined || !dayMatch) return null;
    year = Number(yearMatch[1]);
    month = word;
    day = Number(dayMatch[1]);
  }
  let hours = time ? Number(time[1]) : 0;
  const minutes = time ? Number(time[2]) : 0;
  const meridiem = time?.[3]?.toLowerCase();
  if (meridiem === 'p' && hours < 12) hours += 12;
  if (meridiem === 'a' && hours === 12) hours = 0;
  const date = new Date(year, month, day, hours, minutes);
  const valid = date.getFullYear() === year && date.getMonth() === month && date.getDate() === day && hours < 24 && minutes < 60;
  return valid ? date.getTime() : null;
}
