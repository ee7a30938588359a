import { describe, expect, it } from 'vitest';
import { preferredLink } from '../../background/page-for-link';
import { pageForLink } from '../../storage/link-address';
import type { Link } from '../../storage/schemas';

const link = (fields: Partial<Link>): Link => ({
  key: 'k',
  kind: 'gmail-thread',
  dealId: 'd',
  account: 'maria@rep-consulting.com',
  externalId: 'thread-f:1790999999000000001',
  url: null,
  label: '',
  createdAt: 0,
  ...fields,
});

describe('where a nudge takes the rep', () => {
  it('opens a Gmail thread in its account by address, not by /u/<n>', () => {
    expect(
      pageForLink(
        link({ url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH' }),
      ),
    ).toBe(
      'https://mail.google.com/mail/u/maria%40rep-consulting.com/#all/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
    );
    // Without a saved address, the thread id itself (in hex, as Gmail's legacy ids are).
    expect(pageForLink(link({}))).toBe(
      `https://mail.google.com/mail/u/maria%40rep-consulting.com/#all/${1790999999000000001n.toString(16)}`,
    );
  });

  it('opens LinkedIn pages at their own address', () => {
    expect(
      pageForLink(link({ kind: 'linkedin-profile', account: null, externalId: 'aino-virtanen' })),
    ).toBe('https://www.linkedin.com/in/aino-virtanen/');
    expect(
      pageForLink(link({ kind: 'linkedin-conversation', account: null, externalId: '2-abc==' })),
    ).toBe('https://www.linkedin.com/messaging/thread/2-abc%3D%3D/');
  });

  it('prefers the newest Gmail thread, then the conversation, then the profile', () => {
    const profile = link({ kind: 'linkedin-profile', key: 'p', createdAt: 5 });
    const older = link({ key: 'old', createdAt: 1 });
    const newer = link({ key: 'new', createdAt: 2 });
    expect(preferredLink([profile, older, newer])?.key).toBe('new');
    expect(preferredLink([profile])?.key).toBe('p');
    expect(preferredLink([])).toBeUndefined();
  });
});

describe('a stored link opens only its own site, rebuilt from its ids', () => {
  const HOSTILE_URLS = [
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/in/phish/',
    'https://www.linkedin.com.evil.example/in/aino-virtanen/',
    'http://www.linkedin.com/in/aino-virtanen/',
  ];

  it('ignores whatever address a LinkedIn link carries and rebuilds it from the profile or conversation id', () => {
    for (const url of HOSTILE_URLS) {
      expect(
        pageForLink(
          link({ kind: 'linkedin-profile', account: null, externalId: 'aino-virtanen', url }),
        ),
      ).toBe('https://www.linkedin.com/in/aino-virtanen/');
      expect(
        pageForLink(
          link({ kind: 'linkedin-conversation', account: null, externalId: '2-abc==', url }),
        ),
      ).toBe('https://www.linkedin.com/messaging/thread/2-abc%3D%3D/');
    }
    // A member id is a profile address too.
    expect(
      pageForLink(link({ kind: 'linkedin-profile', account: null, externalId: 'ACoAAB1234xyz' })),
    ).toBe('https://www.linkedin.com/in/ACoAAB1234xyz/');
  });

  it('puts in a Gmail address only a thread token that is one, else the thread id in hex', () => {
    const hex = 1790999999000000001n.toString(16);
    const base = 'https://mail.google.com/mail/u/maria%40rep-consulting.com/#all/';
    for (const url of [
      ...HOSTILE_URLS,
      'https://mail.google.com/mail/u/0/#inbox/"><img src=x onerror=alert(1)>',
      'https://mail.google.com/mail/u/0/#label/Customer-Onboarding-2025',
      'https://evil.example/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
    ]) {
      expect(pageForLink(link({ url })), url).toBe(base + hex);
    }
    expect(
      pageForLink(link({ url: 'https://mail.google.com/mail/u/0/#inbox/18c5a3f2b4d6e8f0' })),
    ).toBe(`${base}18c5a3f2b4d6e8f0`);
    // A thread only known by its route token (the page could not be read) opens by that token.
    // Its account is then the /u/<n> index the page was opened at.
    expect(
      pageForLink(link({ account: 'u1', externalId: 'token:FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH' })),
    ).toBe('https://mail.google.com/mail/u/1/#all/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH');
  });

  it('opens nothing for a link whose ids are not its site’s, so no address is made up', () => {
    const unopenable: Partial<Link>[] = [
      { kind: 'linkedin-profile', account: null, externalId: '..' },
      { kind: 'linkedin-profile', account: null, externalId: 'a/../../feed' },
      { kind: 'linkedin-conversation', account: null, externalId: '2-abc?x=1#y' },
      { externalId: 'token:javascript:alert(1)' },
      { externalId: 'thread-f:99999999999999999999999' },
      { account: 'evil.example/#', externalId: 'thread-f:1' },
      { externalId: 'thread-a:r123' },
    ];
    for (const fields of unopenable)
      expect(pageForLink(link(fields)), JSON.stringify(fields)).toBeNull();
  });

  it('never makes an address off mail.google.com or www.linkedin.com, over https', () => {
    const kinds = ['gmail-thread', 'linkedin-profile', 'linkedin-conversation'] as const;
    const ids = [
      'aino',
      'thread-f:1',
      'token:FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
      '//evil.example',
      '@evil.example',
      '%2F%2Fevil',
      'a\\b',
      'ä ö',
      '\u0000',
      'javascript:x',
    ];
    const accounts = [null, 'u0', 'me@example.com', '@evil.example', '//evil.example', 'x@y.z/..'];
    for (const kind of kinds)
      for (const externalId of ids)
        for (const account of accounts)
          for (const url of [null, ...HOSTILE_URLS]) {
            const page = pageForLink(link({ kind, externalId, account, url }));
            if (page === null) continue;
            const parsed = new URL(page);
            expect(parsed.protocol).toBe('https:');
            expect(parsed.host).toBe(
              kind === 'gmail-thread' ? 'mail.google.com' : 'www.linkedin.com',
            );
            expect(parsed.username + parsed.password).toBe('');
          }
  });
});
