import { describe, expect, it } from 'vitest';
import {
  paneMark,
  readLinkedInConversation,
  readMessages,
  readOverlayConversations,
} from '../../../sites/linkedin/read-conversation';
import { readLinkedInProfile } from '../../../sites/linkedin/read-profile';
import {
  canonicalProfileUrl,
  parseLinkedInRoute,
  personOfHref,
} from '../../../sites/linkedin/route';
import { readLinkedInProspectWords } from '../../../sites/linkedin/read-words';
import { LINKEDIN, type LinkedInSelectorName } from '../../../sites/linkedin/selectors';
import { closestOf, queryAllFirst, queryFirst } from '../../../sites/shared/query';
import { loadFixture } from './load-fixture';
import { undatedFallbacks } from './selector-notes';

const CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzYjQtMDAxMS00YTIyLWI5ZTMtNGQ1ZjZhN2I4Yzlk/';
const SANNA_CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-NmYyYzFhOWUtNGI3ZC00ZTIxLTljM2YtOGE1ZDJlN2IxYzQwXzEwMA==/';
const KEREM_CONVERSATION =
  'https://www.linkedin.com/messaging/thread/2-YTQxZDdjM2ItMmU5Zi00YzY4LWIxZDUtM2Y4ZTZhMmM5YjA3XzEwMA==/';
const SANNA = {
  slug: 'sanna-korhonen-7b2a41',
  memberId: 'ACoAADk2Rw8BqL7xVn3Tz9pYc5mHs1JfE4uGa8w',
};
const KEREM_ID = 'ACoAACr9Tq2Bz4Hn_Wm8Lk3Vx7Pd1Gs6Jy0Fe5u';
const FIXTURES = {
  older: ['linkedin/profile.html', 'https://www.linkedin.com/in/aino-virtanen/'],
  layout2026: ['linkedin/profile-2026.html', 'https://www.linkedin.com/in/leena-makinen-5a1b2c/'],
  turkish: ['linkedin/profile-tr.html', 'https://www.linkedin.com/in/kerem-yilmaz/'],
  duplicates: [
    'linkedin/profile-2026-duplicates.html',
    `https://www.linkedin.com/in/${SANNA.slug}/`,
  ],
  changed: ['linkedin/changed.html', 'https://www.linkedin.com/in/aino-virtanen/'],
  messaging: ['linkedin/messaging.html', CONVERSATION],
  memberIds: ['linkedin/messaging-member-ids.html', SANNA_CONVERSATION],
  enterOff: ['linkedin/messaging-enter-off.html', SANNA_CONVERSATION],
  switched: ['linkedin/messaging-switch.html', KEREM_CONVERSATION],
  german: [
    'linkedin/messaging-de.html',
    'https://www.linkedin.com/messaging/thread/2-YzNiOGUyZjEtN2E0ZC00YjllLThjMmEtMWQ2ZjVlM2I3YTk4XzEwMA==/',
  ],
  japanese: [
    'linkedin/messaging-ja.html',
    'https://www.linkedin.com/messaging/thread/2-ZTdhMWM0ZDktM2IyZi00ZThhLTlkNmMtNWIxZjJhOGU0YzM3XzEwMA==/',
  ],
  overlay: ['linkedin/overlay.html', 'https://www.linkedin.com/feed/'],
  overlayMemberId: ['linkedin/overlay-member-id.html', 'https://www.linkedin.com/feed/'],
  overlayTwo: ['linkedin/overlay-two-bubbles.html', 'https://www.linkedin.com/feed/'],
} as const;
type FixtureName = keyof typeof FIXTURES;
const open = (name: FixtureName) => loadFixture(FIXTURES[name][0], FIXTURES[name][1]);
const now = new Date(2026, 10, 23, 12, 0).getTime();
const local = (m: number, d: number, h: number, min: number) =>
  new Date(2026, m - 1, d, h, min).getTime();
/** The minute a time falls in: a message's time is its shown minute, or its event id's time within it. */
const minute = (at: number) => Math.floor(at / 60_000) * 60_000;

const PROFILES = { older: 1, layout2026: 1, turkish: 1, duplicates: 1, changed: 0 } as const;
const CONVERSATIONS = {
  messaging: 1,
  memberIds: 1,
  enterOff: 1,
  switched: 1,
  german: 1,
  japanese: 1,
  overlay: 0,
  overlayMemberId: 0,
  overlayTwo: 0,
} as const;
const none = (names: FixtureName[]) => Object.fromEntries(names.map((n) => [n, 0]));
// How many elements each selector matches on named fixture pages, from the root it is queried
// from (ROOTS). Every selector has an entry (the type says so) with at least one page where it
// matches (a test below says so).
const EXPECTED_COUNTS: Record<LinkedInSelectorName, Partial<Record<FixtureName, number>>> = {
  profileName: { older: 1, layout2026: 0, turkish: 0, duplicates: 0, messaging: 0, changed: 0 },
  profileHeadline: { older: 1, layout2026: 0, duplicates: 0 },
  profileLocation: { older: 1, layout2026: 0, duplicates: 0 },
  profileCompanyButton: { older: 1, layout2026: 0, duplicates: 0 },
  profileCompanyText: { older: 1, layout2026: 0, duplicates: 0 },
  // The 2026 action row is rendered twice (one copy per breakpoint).
  profileMessageLink: {
    older: 1,
    layout2026: 2,
    turkish: 2,
    duplicates: 2,
    changed: 0,
    memberIds: 0,
  },
  topCard: { older: 0, layout2026: 1, turkish: 1, duplicates: 1, changed: 0, memberIds: 0 },
  // Within the top card: one name, one Contact info link; company pills only where a company is shown.
  topCardName: { layout2026: 1, turkish: 1, duplicates: 1 },
  topCardContactInfo: { layout2026: 1, turkish: 1, duplicates: 1 },
  topCardCompanyIcon: { layout2026: 0, turkish: 1, duplicates: 1 },
  conversationRoot: { ...CONVERSATIONS, ...none(['older', 'duplicates']) },
  conversationPartner: {
    messaging: 1,
    memberIds: 1,
    enterOff: 1,
    switched: 1,
    german: 1,
    japanese: 1,
    older: 0,
  },
  conversationPartnerName: { messaging: 1, memberIds: 1, switched: 1, german: 1, japanese: 1 },
  messageEvent: {
    messaging: 4,
    memberIds: 4,
    enterOff: 4,
    switched: 2,
    german: 5,
    japanese: 4,
    overlay: 2,
    overlayMemberId: 2,
    older: 0,
    duplicates: 0,
  },
  messageItem: {
    messaging: 4,
    memberIds: 4,
    switched: 2,
    german: 5,
    japanese: 4,
    overlayMemberId: 2,
  },
  // A run of messages names its sender and clock once.
  messageSender: { messaging: 3, memberIds: 3, german: 4, japanese: 4 },
  messageBody: { messaging: 4, switched: 2, older: 0 },
  messageClock: { messaging: 3, memberIds: 3, german: 4, japanese: 4 },
  messageDay: {
    messaging: 3,
    memberIds: 3,
    switched: 2,
    german: 4,
    japanese: 4,
    overlayMemberId: 1,
  },
  composer: {
    messaging: 1,
    memberIds: 1,
    enterOff: 1,
    overlayMemberId: 1,
    older: 0,
    duplicates: 0,
  },
  sendButton: {
    messaging: 1,
    memberIds: 1,
    enterOff: 1,
    older: 0,
    overlay: 1,
    overlayMemberId: 1,
  },
  overlayBubble: {
    overlay: 1,
    overlayMemberId: 1,
    overlayTwo: 3,
    messaging: 0,
    memberIds: 0,
    older: 0,
  },
  // A new-message bubble names nobody yet.
  overlayPartner: { overlay: 1, overlayMemberId: 1, overlayTwo: 2 },
  profileSection: { older: 1, changed: 0 },
  profilePersonLink: { older: 2, layout2026: 4, duplicates: 4 },
  topCardLine: { layout2026: 1, turkish: 1, duplicates: 1 },
  topCardCompanyPill: { layout2026: 0, turkish: 1, duplicates: 1 },
};
const topCard = (document: Document) => queryFirst(document, LINKEDIN.topCard);
const profileCard = (document: Document) =>
  topCard(document) ?? queryFirst(document, LINKEDIN.profileName)?.closest('section') ?? null;
/** Where a selector is queried from; `closest` ones are matched from an element upwards (0 or 1). */
const ROOTS: Partial<
  Record<
    LinkedInSelectorName,
    { root?: (d: Document) => Element | null; closest?: (d: Document) => Element | null }
  >
> = {
  topCardName: { root: topCard },
  topCardContactInfo: { root: topCard },
  topCardCompanyIcon: { root: topCard },
  profilePersonLink: { root: profileCard },
  profileSection: { closest: (d) => queryFirst(d, LINKEDIN.profileName) },
  topCardLine: {
    closest: (d) => (topCard(d) ? queryFirst(topCard(d)!, LINKEDIN.topCardContactInfo) : null),
  },
  topCardCompanyPill: {
    closest: (d) => (topCard(d) ? queryFirst(topCard(d)!, LINKEDIN.topCardCompanyIcon) : null),
  },
};
function countIn(document: Document, name: LinkedInSelectorName): number {
  const { root, closest } = ROOTS[name] ?? {};
  if (closest) {
    const start = closest(document);
    return start && closestOf(start, LINKEDIN[name]) ? 1 : 0;
  }
  const from = root ? root(document) : document;
  return from ? queryAllFirst(from, LINKEDIN[name]).length : 0;
}

describe('LinkedIn selectors against every fixture', () => {
  it('covers every profile and conversation fixture', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(
      [...Object.keys(PROFILES), ...Object.keys(CONVERSATIONS)].sort(),
    );
  });
  for (const [selector, counts] of Object.entries(EXPECTED_COUNTS)) {
    for (const [fixture, count] of Object.entries(counts)) {
      it(`${selector} matches ${count} in ${fixture}`, () => {
        const { document } = open(fixture as FixtureName);
        expect(countIn(document, selector as LinkedInSelectorName)).toBe(count);
      });
    }
  }
  for (const name of Object.keys(LINKEDIN) as LinkedInSelectorName[]) {
    it(`${name} has expected counts, and matches on at least one named page`, () => {
      expect(Object.values(EXPECTED_COUNTS[name] ?? {}).some((count) => count! > 0)).toBe(true);
    });
  }
  it('dates every fallback and names the root it is queried from', () => {
    expect(undatedFallbacks('sites/linkedin/selectors.ts', LINKEDIN)).toEqual([]);
  });
});

describe('LinkedIn addresses', () => {
  it('knows profiles by slug (any case) or member id (exactly as written), their sub-pages and conversations', () => {
    expect(parseLinkedInRoute({ pathname: '/in/Aino-Virtanen/overlay/contact-info/' })).toEqual({
      kind: 'profile',
      slug: 'aino-virtanen',
      memberId: null,
      profileUrl: 'https://www.linkedin.com/in/aino-virtanen/',
    });
    expect(parseLinkedInRoute({ pathname: `/in/${SANNA.memberId}/` })).toEqual({
      kind: 'profile',
      slug: null,
      memberId: SANNA.memberId,
      profileUrl: `https://www.linkedin.com/in/${SANNA.memberId}/`,
    });
    expect(parseLinkedInRoute({ pathname: '/messaging/thread/2-abc==/' })).toEqual({
      kind: 'conversation',
      conversationId: '2-abc==',
    });
    expect(parseLinkedInRoute({ pathname: '/feed/' })).toEqual({ kind: 'other' });
    expect(canonicalProfileUrl('/in/aino-virtanen/?miniProfileUrn=x')).toBe(
      'https://www.linkedin.com/in/aino-virtanen/',
    );
    expect(
      personOfHref(
        `https://www.linkedin.com/in/${SANNA.memberId}?lipi=urn%3Ali%3Apage%3Ad_flagship3_messaging%3Bx%3D%3D`,
      ),
    ).toEqual({ slug: null, memberId: SANNA.memberId });
    // Case matters: the same letters in another case are another member id, never a slug of it.
    expect(personOfHref(`/in/${SANNA.memberId.toLowerCase()}/`)).toEqual({
      slug: SANNA.memberId.toLowerCase(),
      memberId: null,
    });
  });

  it('reads a malformed % escape as an unreadable address, never throwing', () => {
    const bad = { pathname: '/in/%E0%A4%A/' };
    expect(() => parseLinkedInRoute(bad)).not.toThrow();
    expect(parseLinkedInRoute(bad)).toEqual({ kind: 'unreadable' });
    expect(parseLinkedInRoute({ pathname: '/messaging/thread/%E0%A4%A/' })).toEqual({
      kind: 'unreadable',
    });
    const { document } = open('older');
    expect(
      readLinkedInProfile(document, new URL('https://www.linkedin.com/in/%E0%A4%A/')),
    ).toBeNull();
    expect(
      readLinkedInConversation(
        document,
        new URL('https://www.linkedin.com/messaging/thread/%E0%A4%A/'),
        now,
      ),
    ).toBeNull();
    expect(personOfHref('/in/%E0%A4%A/')).toBeNull();
    expect(canonicalProfileUrl('https://[bad')).toBeNull();
    // A chat bubble whose header links to such an address still reads, with no ids for the person.
    const overlay = open('overlay');
    overlay.document
      .querySelector('.msg-overlay-bubble-header a')!
      .setAttribute('href', '/in/%E0%A4%A/');
    expect(readOverlayConversations(overlay.document, now)[0]?.partner).toEqual({
      name: 'Aino Virtanen',
      slug: null,
      memberId: null,
    });
  });
});

describe('reading LinkedIn profiles', () => {
  it('reads the older profile layout, current company and member id included', () => {
    const { document, location } = open('older');
    expect(readLinkedInProfile(document, location)).toEqual({
      kind: 'profile',
      profile: {
        slug: 'aino-virtanen',
        memberId: 'ACoAAAq7Lr2Bx9Tz4Wm1Kp8Vn3Hd6Js0Fg5Ye2c',
        profileUrl: 'https://www.linkedin.com/in/aino-virtanen/',
        name: 'Aino Virtanen',
        headline: 'Head of Operations at Acme · Supply chain & logistics',
        company: 'Acme Oy',
        location: 'Helsinki, Uusimaa, Finland',
      },
    });
  });

  it('reads the 2026 top card right past hidden duplicates, pronouns, promotional, count and school lines', () => {
    const { document, location } = open('duplicates');
    expect(readLinkedInProfile(document, location)).toEqual({
      kind: 'profile',
      profile: {
        ...SANNA,
        profileUrl: `https://www.linkedin.com/in/${SANNA.slug}/`,
        name: 'Sanna Korhonen',
        headline: 'Director of Procurement, Nordkapp Logistics · Sourcing & supplier networks',
        company: 'Nordkapp Logistics Oy',
        location: 'Espoo, Uusimaa, Finland',
      },
    });
  });

  it('leaves a company the 2026 card does not show empty: a school is never taken for one', () => {
    const { document, location } = open('layout2026');
    expect(readLinkedInProfile(document, location)).toMatchObject({
      kind: 'profile',
      profile: {
        name: 'Leena Mäkinen',
        headline: 'Independent consultant, ERP rollouts',
        company: '',
        location: 'Tampere, Pirkanmaa, Finland',
      },
    });
  });

  it('reads a Turkish profile', () => {
    const { document, location } = open('turkish');
    expect(readLinkedInProfile(document, location)).toMatchObject({
      kind: 'profile',
      profile: {
        name: 'Kerem Yılmaz',
        memberId: KEREM_ID,
        headline: 'Satın Alma Müdürü, Anadolu Lojistik',
        company: 'Anadolu Lojistik',
        location: 'İstanbul, Türkiye',
      },
    });
  });

  it('reads a profile addressed by member id, learning its slug from the card', () => {
    const { document } = open('duplicates');
    expect(
      readLinkedInProfile(document, new URL(`https://www.linkedin.com/in/${SANNA.memberId}/`)),
    ).toMatchObject({
      kind: 'profile',
      profile: {
        ...SANNA,
        profileUrl: `https://www.linkedin.com/in/${SANNA.slug}/`,
        name: 'Sanna Korhonen',
      },
    });
  });

  it('says what it could not find on a changed page', () => {
    const { document, location } = open('changed');
    expect(readLinkedInProfile(document, location)).toMatchObject({
      kind: 'unreadable',
      missing: 'name',
      slug: 'aino-virtanen',
    });
  });
});

describe('reading LinkedIn conversations', () => {
  it('reads a conversation: partner, messages, direction and times', () => {
    const { document, location } = open('messaging');
    const reading = readLinkedInConversation(document, location, now);
    if (reading?.kind !== 'conversation') throw new Error('unreadable');
    expect(reading.conversation.partner).toEqual({
      name: 'Aino Virtanen',
      slug: 'aino-virtanen',
      memberId: null,
    });
    expect(reading.conversation.messages.map((m) => [m.outbound, m.at])).toEqual([
      [true, local(11, 18, 9, 14)],
      [true, local(11, 18, 9, 14)],
      [false, local(11, 19, 16, 45)],
      [true, local(11, 20, 10, 2)],
    ]);
    expect(new Set(reading.conversation.messages.map((m) => m.id)).size).toBe(4);
  });

  it('knows the other person by member id when the header and senders name them so', () => {
    const { document, location } = open('memberIds');
    const reading = readLinkedInConversation(document, location, now);
    if (reading?.kind !== 'conversation') throw new Error('unreadable');
    expect(reading.conversation.partner).toEqual({
      name: 'Sanna Korhonen',
      slug: null,
      memberId: SANNA.memberId,
    });
    expect(reading.conversation.messages.map((m) => [m.outbound, minute(m.at)])).toEqual([
      [true, local(11, 18, 9, 14)],
      [true, local(11, 18, 9, 14)],
      [false, local(11, 19, 16, 45)],
      [true, local(11, 20, 10, 2)],
    ]);
  });

  it('reads German and Japanese day headings and clocks, a message without its own clock included', () => {
    const later = new Date(2026, 10, 23, 18, 0).getTime();
    const times = (name: FixtureName) => {
      const { document, location } = open(name);
      const reading = readLinkedInConversation(document, location, later);
      if (reading?.kind !== 'conversation') throw new Error('unreadable');
      return reading.conversation.messages.map((m) => [m.outbound, minute(m.at)]);
    };
    expect(times('german')).toEqual([
      [false, local(11, 16, 9, 30)],
      [true, local(11, 18, 11, 20)],
      [true, local(11, 22, 14, 3)],
      [false, local(11, 23, 8, 15)],
      [false, local(11, 23, 8, 15)],
    ]);
    expect(times('japanese')).toEqual([
      [true, local(11, 16, 9, 5)],
      [false, local(11, 18, 14, 3)],
      [true, local(11, 22, 10, 0)],
      [false, local(11, 23, 8, 15)],
    ]);
  });
});

/** A conversation pane built in the test, with event ids whose times are given in local time. */
function pane(
  events: { day?: string; clock?: string; idAt?: Date; outbound?: boolean }[],
): Element {
  const document = new DOMParser().parseFromString(
    '<html lang="en"><body><div class="msg-thread"><ul></ul></div></body></html>',
    'text/html',
  );
  const list = document.querySelector('ul')!;
  events.forEach((e, i) => {
    const li = document.createElement('li');
    li.className = 'msg-s-message-list__event';
    if (e.day)
      li.append(
        Object.assign(document.createElement('time'), {
          className: 'msg-s-message-list__time-heading',
          textContent: e.day,
        }),
      );
    const item = document.createElement('div');
    item.className = `msg-s-event-listitem${e.outbound === false ? ' msg-s-event-listitem--other' : ''}`;
    const short = btoa(
      `${e.idAt ? e.idAt.getTime() : 10 ** 12 + i}b12345-100&0f1e2d3c-aaaa-bbbb-cccc-000000000000_100`,
    );
    item.setAttribute(
      'data-event-urn',
      `urn:li:msg_message:(urn:li:fsd_profile:ACoAABh5Xn7Ct2Mw9Qz4Ry8Lp3Vk6Jd1Sg0Fu2e,2-${short})`,
    );
    if (e.clock)
      item.append(
        Object.assign(document.createElement('time'), {
          className: 'msg-s-message-group__timestamp',
          textContent: e.clock,
        }),
      );
    li.append(item);
    list.append(li);
  });
  return document.querySelector('.msg-thread')!;
}

describe('message times', () => {
  it('takes the event id’s time where the page proves it, to the millisecond', () => {
    const root = pane([
      { day: 'Nov 18', clock: '9:14 AM', idAt: new Date(2026, 10, 18, 9, 14, 21, 408) },
      { idAt: new Date(2026, 10, 18, 9, 16, 2, 117) }, // no clock of its own: LinkedIn shows the group's
      {
        day: 'Nov 19',
        clock: '4:45 PM',
        idAt: new Date(2026, 10, 19, 16, 45, 37, 20),
        outbound: false,
      },
    ]);
    expect(readMessages(root, now).map((m) => m.at)).toEqual([
      new Date(2026, 10, 18, 9, 14, 21, 408).getTime(),
      new Date(2026, 10, 18, 9, 16, 2, 117).getTime(),
      new Date(2026, 10, 19, 16, 45, 37, 20).getTime(),
    ]);
  });

  it('keeps to the shown times when an event id disagrees with its shown time', () => {
    const root = pane([
      { day: 'Nov 18', clock: '9:14 AM', idAt: new Date(2026, 10, 18, 9, 14, 21) },
      { day: 'Nov 19', clock: '4:45 PM', idAt: new Date(2026, 10, 19, 18, 45, 0), outbound: false },
    ]);
    expect(readMessages(root, now).map((m) => m.at)).toEqual([
      local(11, 18, 9, 14),
      local(11, 19, 16, 45),
    ]);
  });

  it('never drops a message for an unreadable time: the thread’s order gives it one', () => {
    const unreadable = pane([
      { day: 'Someday', clock: '9:14 AM' },
      { day: 'Nov 19', clock: '4:45 PM' },
      { day: 'Soon', clock: 'later' },
    ]);
    expect(readMessages(unreadable, now).map((m) => m.at)).toEqual([
      local(11, 19, 16, 45),
      local(11, 19, 16, 45),
      local(11, 19, 16, 45),
    ]);
    const nothing = pane([{ day: 'Someday', clock: '9:14 AM' }, {}]);
    expect(readMessages(nothing, now).map((m) => m.at)).toEqual([now, now]);
  });
});

describe('switching conversations', () => {
  it('does not read the previous conversation’s pane under the next one’s address', () => {
    const sanna = open('memberIds');
    const first = readLinkedInConversation(sanna.document, sanna.location, now);
    if (first?.kind !== 'conversation') throw new Error('unreadable');
    const mark = paneMark(first.conversation);
    // The address has changed to Kerem's conversation; Sanna's pane is still on the page: its
    // event ids name her conversation.
    expect(
      readLinkedInConversation(sanna.document, new URL(KEREM_CONVERSATION), now, mark),
    ).toMatchObject({ kind: 'unreadable', conversationId: expect.stringMatching(/^2-YTQx/) });
    expect(
      readLinkedInConversation(sanna.document, new URL(KEREM_CONVERSATION), now, {
        ...mark,
        partner: 'someone-else',
        events: [],
      }),
    ).toMatchObject({ kind: 'unreadable' });
    const kerem = open('switched');
    const reading = readLinkedInConversation(kerem.document, kerem.location, now, mark);
    expect(reading).toMatchObject({
      kind: 'conversation',
      conversation: { partner: { name: 'Kerem Yılmaz', memberId: KEREM_ID } },
    });
    // A second conversation with the same person is read at once when its event ids name it.
    expect(
      readLinkedInConversation(kerem.document, kerem.location, now, {
        conversationId: 'x',
        partner: KEREM_ID,
        events: [],
      }),
    ).toMatchObject({ kind: 'conversation' });
  });

  it('without ids that name their conversation, waits until both the participant and the events have changed', () => {
    const { document, location } = open('messaging');
    const first = readLinkedInConversation(document, location, now);
    if (first?.kind !== 'conversation') throw new Error('unreadable');
    const mark = paneMark(first.conversation);
    const next = new URL('https://www.linkedin.com/messaging/thread/2-bmV4dA==/');
    expect(readLinkedInConversation(document, next, now, mark)).toMatchObject({
      kind: 'unreadable',
    });
    // Same events under another participant: still the old pane.
    expect(
      readLinkedInConversation(document, next, now, { ...mark, partner: 'someone-else' }),
    ).toMatchObject({ kind: 'unreadable' });
    // A pane with another person and none of the old events is the new conversation.
    expect(
      readLinkedInConversation(document, next, now, {
        conversationId: 'x',
        partner: 'someone-else',
        events: ['urn:other'],
      }),
    ).toMatchObject({ kind: 'conversation' });
    // Re-reading the same conversation is never held back.
    expect(readLinkedInConversation(document, location, now, mark)).toMatchObject({
      kind: 'conversation',
    });
  });
});

describe('single-page navigation on LinkedIn', () => {
  it('never reads the previous person under the next person’s address', () => {
    const { document } = open('older');
    expect(
      readLinkedInProfile(document, new URL('https://www.linkedin.com/in/leena-makinen-5a1b2c/')),
    ).toMatchObject({
      kind: 'unreadable',
      slug: 'leena-makinen-5a1b2c',
    });
    const layout2026 = open('layout2026');
    expect(
      readLinkedInProfile(
        layout2026.document,
        new URL('https://www.linkedin.com/in/aino-virtanen/'),
      ),
    ).toMatchObject({ kind: 'unreadable' });
    // Addressed by member id: the card's own member id names someone else.
    const duplicates = open('duplicates');
    expect(
      readLinkedInProfile(duplicates.document, new URL(`https://www.linkedin.com/in/${KEREM_ID}/`)),
    ).toMatchObject({ kind: 'unreadable', memberId: KEREM_ID });
  });
});

describe('chat bubbles over any page', () => {
  it('reads who each bubble is with and its messages', () => {
    const { document, location } = open('overlay');
    expect(readLinkedInConversation(document, location, now)).toBeNull();
    const [bubble, ...others] = readOverlayConversations(document, now);
    expect(others).toEqual([]);
    expect(bubble?.partner).toEqual({
      name: 'Aino Virtanen',
      slug: 'aino-virtanen',
      memberId: null,
    });
    expect(bubble?.messages.map((m) => [m.outbound, m.at])).toEqual([
      [false, local(11, 23, 11, 30)],
      [true, local(11, 23, 11, 42)],
    ]);
  });

  it('knows the person of a bubble whose header names them by member id', () => {
    const { document } = open('overlayMemberId');
    const [bubble] = readOverlayConversations(document, now);
    expect(bubble?.partner).toEqual({
      name: 'Sanna Korhonen',
      slug: null,
      memberId: SANNA.memberId,
    });
    expect(bubble?.messages.map((m) => m.outbound)).toEqual([false, true]);
  });

  it('knows each bubble’s conversation from its event ids, and nobody in a new-message bubble', () => {
    const { document } = open('overlayTwo');
    const bubbles = readOverlayConversations(document, now);
    expect(
      bubbles.map((b) => [b.partner.name, b.partner.memberId, b.conversationId, b.messages.length]),
    ).toEqual([
      ['Sanna Korhonen', SANNA.memberId, SANNA_CONVERSATION.split('/')[5], 2],
      [
        'Jonas Weber',
        'ACoAAFq3Wc8BmT1xKz5Rv7Np2Gh9Ld4Ys6Je0Hb',
        FIXTURES.german[1].split('/')[5],
        1,
      ],
      ['', null, null, 0],
    ]);
    expect(bubbles[0]!.messages.map((m) => m.outbound)).toEqual([false, true]);
    // Stand-in event ids that name no conversation: the bubble is known by its person only.
    expect(readOverlayConversations(open('overlay').document, now)[0]?.conversationId).toBeNull();
  });
});

describe('the prospect’s words in a LinkedIn conversation', () => {
  it('are the other person’s latest message, not the rep’s own later one', () => {
    expect(readLinkedInProspectWords(open('messaging').document)).toBe(
      'Hi Maria, yes, Thursday works. Budget is with Jussi though.',
    );
  });

  it('are nothing on a profile page', () => {
    expect(readLinkedInProspectWords(open('older').document)).toBeNull();
  });
});
