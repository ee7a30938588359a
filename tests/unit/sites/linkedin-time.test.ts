import { describe, expect, it } from 'vitest';
import { parseLinkedInTime } from '../../../sites/linkedin/parse-time';

const now = new Date(2026, 10, 23, 12, 0).getTime(); // Monday 23 November 2026, noon
const local = (m: number, d: number, h: number, min: number, y = 2026) => new Date(y, m - 1, d, h, min).getTime();

describe('LinkedIn message times', () => {
  it('reads today, yesterday and weekdays in English, Turkish and Finnish', () => {
    expect(parseLinkedInTime('Today', '9:14 AM', now)).toBe(local(11, 23, 9, 14));
    expect(parseLinkedInTime('Bugün', '14:03', now)).toBe(local(11, 23, 14, 3));
    expect(parseLinkedInTime('Tänään', '14.03', now)).toBe(local(11, 23, 14, 3));
    expect(parseLinkedInTime('Yesterday', '4:45 PM', now)).toBe(local(11, 22, 16, 45));
    expect(parseLinkedInTime('Dün', '16:45', now)).toBe(local(11, 22, 16, 45));
    expect(parseLinkedInTime('Thursday', '10:00 AM', now)).toBe(local(11, 19, 10, 0));
    expect(parseLinkedInTime('Pazartesi', '10:00', now)).toBe(local(11, 16, 10, 0));
    expect(parseLinkedInTime('torstai', '10.00', now)).toBe(local(11, 19, 10, 0));
  });

  it('reads dates with and without a year', () => {
    expect(parseLinkedInTime('Nov 18', '12:00 PM', now)).toBe(local(11, 18, 12, 0));
    expect(parseLinkedInTime('18 Kas', '09:30', now)).toBe(local(11, 18, 9, 30));
    expect(parseLinkedInTime('18.11.', '9.30', now)).toBe(local(11, 18, 9, 30));
    expect(parseLinkedInTime('Dec 30', '8:00 AM', now)).toBe(local(12, 30, 8, 0, 2025));
    expect(parseLinkedInTime('Mar 2, 2025', '8:00 AM', now)).toBe(local(3, 2, 8, 0, 2025));
  });

  it('gives up on what it cannot read', () => {
    expect(parseLinkedInTime('', '9:14 AM', now)).toBeNull();
    expect(parseLinkedInTime('Today', 'soon', now)).toBeNull();
    expect(parseLinkedInTime('Someday', '9:14 AM', now)).toBeNull();
  });
});
