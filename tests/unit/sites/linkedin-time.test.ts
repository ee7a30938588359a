import { describe, expect, it } from 'vitest';
import {
  eventFacts,
  parseLinkedInTime,
  threadOfConversation,
} from '../../../sites/linkedin/parse-time';

const now = new Date(2026, 10, 23, 12, 0).getTime(); // Monday 23 November 2026, noon
const local = (m: number, d: number, h: number, min: number, y = 2026) =>
  new Date(y, m - 1, d, h, min).getTime();

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

  it('reads German and Japanese headings and clocks from the browser’s Intl data for the page’s language', () => {
    expect(parseLinkedInTime('Heute', '14:03', now, ['de'])).toBe(local(11, 23, 14, 3));
    expect(parseLinkedInTime('Gestern', '09:10', now, ['de'])).toBe(local(11, 22, 9, 10));
    expect(parseLinkedInTime('Mittwoch', '11:20', now, ['de'])).toBe(local(11, 18, 11, 20));
    expect(parseLinkedInTime('16. Nov.', '09:30', now, ['de'])).toBe(local(11, 16, 9, 30));
    expect(parseLinkedInTime('今日', '8:15', now, ['ja'])).toBe(local(11, 23, 8, 15));
    expect(parseLinkedInTime('昨日', '午後2:03', now, ['ja'])).toBe(local(11, 22, 14, 3));
    expect(parseLinkedInTime('11月18日', '9:05', now, ['ja'])).toBe(local(11, 18, 9, 5));
    expect(parseLinkedInTime('水曜日', '10:00', now, ['ja'])).toBe(local(11, 18, 10, 0));
    expect(parseLinkedInTime('2025年11月18日', '10:00', now, ['ja'])).toBe(
      local(11, 18, 10, 0, 2025),
    );
  });

  it('reads a heading in another language than the page’s when the page’s cannot', () => {
    // An English page showing a Finnish member's conversation heading still reads.
    expect(parseLinkedInTime('Eilen', '16.45', now, ['en'])).toBe(local(11, 22, 16, 45));
    // "18.11." is 18 November where the day comes first, never month 18.
    expect(parseLinkedInTime('18.11.', '9.30', now, ['fi'])).toBe(local(11, 18, 9, 30));
    expect(parseLinkedInTime('11/18', '9:30 AM', now, ['en'])).toBe(local(11, 18, 9, 30));
  });

  it('rejects a clock with words that are no day period of the heading’s language', () => {
    expect(parseLinkedInTime('Heute', '14:03 Uhr', now, ['de'])).toBeNull();
    expect(parseLinkedInTime('Heute', '25:03', now, ['de'])).toBeNull();
  });
});

describe('LinkedIn event ids', () => {
  // A message urn and its conversation from a captured messengerConversations reply (UmairRathore/tradeapp
  // pythontest/fetchconnections.py): the urn's ms is 1739847680917, its deliveredAt 1739847681328.
  const urn =
    'urn:li:msg_message:(urn:li:fsd_profile:ACoAAAPqaMsBppQ4Do96IW1KXudL-mT6tj3xXZ0,2-MTczOTg0NzY4MDkxN2I2NTkxMy0xMDAmMjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==)';
  it('decode to the time the message was sent and the conversation it belongs to', () => {
    expect(eventFacts(urn)).toEqual({
      at: 1739847680917,
      thread: '222c9887-d21c-431d-aba9-35d9cee9a22e_100',
    });
    expect(threadOfConversation('2-MjIyYzk4ODctZDIxYy00MzFkLWFiYTktMzVkOWNlZTlhMjJlXzEwMA==')).toBe(
      '222c9887-d21c-431d-aba9-35d9cee9a22e_100',
    );
  });

  it('say nothing when they do not decode so', () => {
    expect(eventFacts('urn:li:msg_message:(urn:li:fsd_profile:ACoAA1,2-MTcwMDAwMDAwMQ==)')).toEqual(
      { at: null, thread: null },
    );
    expect(eventFacts('urn:li:msg_message:(x,2-%%%)')).toEqual({ at: null, thread: null });
    expect(eventFacts('2-@@@@')).toEqual({ at: null, thread: null });
    expect(threadOfConversation('not-an-id')).toBeNull();
  });
});
