// The values CRM exports and spreadsheets write, read as Threadline stores them. A file
// saved in Finland or Turkey writes "24 000,50" or "24.000,50" and "31.12.2026"; one from
// the US writes "24,000.50" and "12/31/2026".

/**
 * An amount, with or without thousands separators, a currency sign or code. A single
 * separator followed by exactly three digits groups thousands ("1,500" and "1.500" are 1500);
 * otherwise it marks decimals ("1,5" is 1.5). Null when it is not an amount.
 */
export function parseAmount(raw: string): number | null {
  const text = raw
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^[A-Z]{3}|[A-Z]{3}$/, '')
    .replace(/^[€$£₺]|[€$£₺]$/, '');
  const match = text.match(/^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d+))?$/);
  if (!match) return null;
  const [, whole, group, decimal, fraction] = match;
  if (group && decimal === group) return null;
  const digits = group ? whole!.split(group).join('') : whole!;
  return Number(fraction ? `${digits}.${fraction}` : digits);
}

export type DateReading = { date: string } | { problem: 'date' | 'ambiguous-date' };

/**
 * A calendar date as "YYYY-MM-DD" from "2026-12-31" (a time after it is ignored),
 * "31.12.2026", or a slashed date whose order the numbers settle ("31/12/2026",
 * "12/31/2026"); "03/04/2026" could be either and is refused rather than guessed.
 */
export function parseCalendarDate(raw: string): DateReading {
  const text = raw.trim();
  let parts: [number, number, number] | null = null;
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/);
  const dotted = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const slashed = text.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) parts = [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])];
  else if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (first > 12 && second <= 12) parts = [year, second, first];
    else if (second > 12 && first <= 12) parts = [year, first, second];
    else if (first === second) parts = [year, first, second];
    else if (first <= 12 && second <= 12) return { problem: 'ambiguous-date' };
  }
  if (!parts) return { problem: 'date' };
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return { problem: 'date' };
  return {
    date: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

// A cell that starts with =, +, -, @, a tab or a carriage return is run as a formula by Excel,
// Sheets and LibreOffice (a deal title taken from a page can be `=HYPERLINK(...)`). The export
// puts a single quote before such a cell, as OWASP's CSV injection advice has it, and the
// import takes it off again. A value that already starts with quotes before such a character
// gets one more, so that reading the file back always gives the text that was written.
const FORMULA_CELL = /^'*[=+\-@\t\r]/;

/** A cell as the export writes it: never one a spreadsheet would run. */
export function escapeFormula(cell: string): string {
  return FORMULA_CELL.test(cell) ? `'${cell}` : cell;
}

/** A cell as the import reads it: the text escapeFormula was given. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_CELL.test(cell.slice(1)) ? cell.slice(1) : cell;
}
