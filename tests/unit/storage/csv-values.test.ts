import { describe, expect, it } from 'vitest';
import {
  escapeFormula,
  parseAmount,
  parseCalendarDate,
  unescapeFormula,
} from '../../../storage/csv-values';

describe('values from spreadsheets', () => {
  it('reads amounts as Finland, Turkey and the US write them', () => {
    expect(parseAmount('24000')).toBe(24000);
    expect(parseAmount('24 000,50')).toBe(24000.5);
    expect(parseAmount('24\u00a0000,50 €')).toBe(24000.5);
    expect(parseAmount('24.000,50')).toBe(24000.5);
    expect(parseAmount('₺1.234.567')).toBe(1234567);
    expect(parseAmount('$24,000.50')).toBe(24000.5);
    expect(parseAmount('1,500')).toBe(1500);
    expect(parseAmount('1,5')).toBe(1.5);
    expect(parseAmount('EUR 99.9')).toBe(99.9);
  });

  it('refuses what is not an amount', () => {
    for (const raw of ['12k', '-5', '1.2.3,4.5', '1,000,00', 'abc', '', '1..5'])
      expect(parseAmount(raw), raw).toBeNull();
  });

  it('reads ISO, dotted and unambiguous slashed dates', () => {
    expect(parseCalendarDate('2026-12-31')).toEqual({ date: '2026-12-31' });
    expect(parseCalendarDate('2026-12-31 00:00:00')).toEqual({ date: '2026-12-31' });
    expect(parseCalendarDate('1.2.2027')).toEqual({ date: '2027-02-01' });
    expect(parseCalendarDate('31/12/2026')).toEqual({ date: '2026-12-31' });
    expect(parseCalendarDate('12/31/2026')).toEqual({ date: '2026-12-31' });
  });

  it('refuses impossible dates, and guesses no day-month order', () => {
    expect(parseCalendarDate('31.02.2026')).toEqual({ problem: 'date' });
    expect(parseCalendarDate('next week')).toEqual({ problem: 'date' });
    expect(parseCalendarDate('03/04/2026')).toEqual({ problem: 'ambiguous-date' });
  });
  it('writes no cell a spreadsheet runs as a formula, and reads each back to its text', () => {
    const texts = [
      '=1+2',
      '+1 555',
      '-5',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      "'=x",
      "''=x",
      "'Tis",
      "O'Brien",
      'Plain',
      '',
      "'",
      "'-",
      '==',
      'a=b',
    ];
    for (const text of texts) {
      expect(escapeFormula(text), text).not.toMatch(/^[=+\-@\t\r]/);
      expect(unescapeFormula(escapeFormula(text)), text).toBe(text);
    }
    expect(escapeFormula('=HYPERLINK("https://evil.example/x","Invoice")')).toBe(
      '\'=HYPERLINK("https://evil.example/x","Invoice")',
    );
    // A file escaped by another tool the same way reads as the text it stands for.
    expect(unescapeFormula("'+358 40 123")).toBe('+358 40 123');
    expect(unescapeFormula("'Tis")).toBe("'Tis");
  });
});
