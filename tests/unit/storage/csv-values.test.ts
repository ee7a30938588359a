import { describe, expect, it } from 'vitest';
import { parseAmount, parseCalendarDate } from '../../../storage/csv-values';

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
    for (const raw of ['12k', '-5', '1.2.3,4.5', '1,000,00', 'abc', '', '1..5']) expect(parseAmount(raw), raw).toBeNull();
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
});
