import { describe, expect, it } from 'vitest';
import { readLinkedInConversation, readOverlayConversations } from '../../../sites/linkedin/read-conversation';
import { readLinkedInProfile } from '../../../sites/linkedin/read-profile';
import { canonicalProfileUrl, parseLinkedInRoute } from '../../../sites/linkedin/route';
import { LINKEDIN, type LinkedInSelectorName } from '../../../sites/linkedin/selectors';
import { queryAllFirst } from '../../../sites/shared/query';
import { loadFixture } from './load-fixture';

const CONVERSATION = 'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzYjQtMDAxMS00YTIyLWI5ZTMtNGQ1ZjZhN2I4Yzlk/';
const FIXTURES = {
  older: ['linkedin/profile.html', 'https://www.linkedin.com/in/aino-virtanen/'],
  layout2026: ['linkedin/profile-2026.html', 'https://www.linkedin.com/in/leena-makinen-5a1b2c/'],
  turkish: ['linkedin/profile-tr.html', 'https://www.linkedin.com/in/kerem-yilmaz/'],
  messaging: ['linkedin/messaging.html', CONVERSATION],
  changed: ['linkedin/changed.html', 'https://www.linkedin.com/in/aino-virtanen/'],
  overlay: ['linkedin/overlay.html', 'https://www.linkedin.com/feed/'],
} as const;
type FixtureName = keyof typeof FIXTURES;
const open = (name: FixtureName) => loadFixture(FIXTURES[name][0], FIXTURES[name][1]);
const now = new Date(2026, 10, 23, 12, 0).getTime();
const local = (m: number, d: number, h: number, min: number) => new Date(2026, m - 1, d, h, min).getTime();

const EXPECTED_COUNTS: Partial<Record<LinkedInSelectorName, Partial<Record<FixtureName, number>>>> = {
  profileName: { older: 1, layout2026: 0, turkish: 0, messaging: 0, changed: 0 },
  profileHeadline: { older: 1, layout2026: 0 },
  profileLocation: { older: 1, layout2026: 0 },
  profileCompanyButton: { older: 1, layout2026: 0 },
  profileCompanyText: { older: 1, layout2026: 0 },
  topCard: { older: 0, layout2026: 1, turkish: 1, changed: 0 },
  conversationPartner: { messaging: 1, older: 0 },
  conversationPartnerName: { messaging: 1 },
  messageEvent: { messaging: 4, older: 0 },
  messageItem: { messaging: 4 },
  messageSender: { messaging: 3 },
  messageClock: { messaging: 3 },
  messageDay: { messaging: 3 },
  composer: { messaging: 1, older: 0 },
  sendButton: { messaging: 1, older: 0, overlay: 1 },
  overlayBubble: { overlay: 1, messaging: 0, older: 0 },
  overlayPartner: { overlay: 1 },
  conversationRoot: { messaging: 1, overlay: 0 },
};

describe('LinkedIn selectors against every fixture', () => {
  for (const [selector, counts] of Object.entries(EXPECTED_COUNTS)) {
    for (const [fixture, count] of Object.entries(counts)) {
      it(`${selector} matches ${count} in ${fixture}`, () => {
        expect(queryAllFirst(open(fixture as FixtureName).document, LINKEDIN[selector as LinkedInSelectorName])).toHaveLength(count);
      });
    }
  }
});

describe('reading LinkedIn', () => {
  it('knows profiles, their sub-pages and conversations by their address', () => {
    expect(parseLinkedInRoute({ pathname: '/in/Aino-Virtanen/overlay/contact-info/' })).toEqual({
      kind: 'profile',
      slug: 'aino-virtanen',
      profileUrl: 'https://www.linkedin.com/in/aino-virtanen/',
    });
    expect(parseLinkedInRoute({ pathname: '/messaging/thread/2-abc==/' })).toEqual({ kind: 'conversation', conversationId: '2-abc==' });
    expect(parseLinkedInRoute({ pathname: '/feed/' })).toEqual({ kind: 'other' });
    expect(canonicalProfileUrl('/in/aino-virtanen/?miniProfileUrn=x')).toBe('https://www.linkedin.com/in/aino-virtanen/');
  });

  it('reads the older profile layout, current company included', () => {
    const { document, location } = open('older');
    expect(readLinkedInProfile(document, location)).toEqual({
      kind: 'profile',
      profile: {
        slug: 'aino-virtanen',
        profileUrl: 'https://www.linkedin.com/in/aino-virtanen/',
        name: 'Aino Virtanen',
        headline: 'Head of Operations at Acme · Supply chain & logistics',
        company: 'Acme Oy',
        location: 'Helsinki, Uusimaa, Finland',
      },
    });
  });

  it('reads the 2026 layout and leaves a missing company empty rather than guess', () => {
    const { document, location } = open('layout2026');
    expect(readLinkedInProfile(document, location)).toMatchObject({
      kind: 'profile',
      profile: { name: 'Leena Mäkinen', headline: 'Independent consultant, ERP rollouts', company: '', location: 'Tampere, Pirkanmaa, Finland' },
    });
  });

  it('reads a Turkish profile', () => {
    const { document, location } = open('turkish');
    expect(readLinkedInProfile(document, location)).toMatchObject({
      kind: 'profile',
      profile: { name: 'Kerem Yılmaz', headline: 'Satın Alma Müdürü, Anadolu Lojistik', company: 'Anadolu Lojistik', location: 'İstanbul, Türkiye' },
    });
  });

  it('says what it could not find on a changed page', () => {
    const { document, location } = open('changed');
    expect(readLinkedInProfile(document, location)).toMatchObject({ kind: 'unreadable', missing: 'name', slug: 'aino-virtanen' });
  });

  it('reads a conversation: partner, messages, direction and times', () => {
    const { document, location } = open('messaging');
    const reading = readLinkedInConversation(document, location, now);
    if (reading?.kind !== 'conversation') throw new Error('unreadable');
    expect(reading.conversation.partner).toEqual({ name: 'Aino Virtanen', profileUrl: 'https://www.linkedin.com/in/aino-virtanen/' });
    expect(reading.conversation.messages.map((m) => [m.outbound, m.at])).toEqual([
      [true, local(11, 18, 9, 14)],
      [true, local(11, 18, 9, 14)],
      [false, local(11, 19, 16, 45)],
      [true, local(11, 20, 10, 2)],
    ]);
    expect(new Set(reading.conversation.messages.map((m) => m.id)).size).toBe(4);
  });
});

describe('single-page navigation on LinkedIn', () => {
  it('never reads the previous person under the next person’s address', () => {
    const { document } = open('older');
    expect(readLinkedInProfile(document, new URL('https://www.linkedin.com/in/leena-makinen-5a1b2c/'))).toMatchObject({
      kind: 'unreadable',
      slug: 'leena-makinen-5a1b2c',
    });
    const layout2026 = open('layout2026');
    expect(readLinkedInProfile(layout2026.document, new URL('https://www.linkedin.com/in/aino-virtanen/'))).toMatchObject({ kind: 'unreadable' });
  });
});

describe('chat bubbles over any page', () => {
  it('reads who each bubble is with and its messages', () => {
    const { document, location } = open('overlay');
    expect(readLinkedInConversation(document, location, now)).toBeNull();
    const [bubble, ...others] = readOverlayConversations(document, now);
    expect(others).toEqual([]);
    expect(bubble?.partner).toEqual({ name: 'Aino Virtanen', profileUrl: 'https://www.linkedin.com/in/aino-virtanen/' });
    expect(bubble?.messages.map((m) => [m.outbound, m.at])).toEqual([
      [false, local(11, 23, 11, 30)],
      [true, local(11, 23, 11, 42)],
    ]);
  });
});
