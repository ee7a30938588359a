import { describe, expect, it } from 'vitest';
import { pageForLink, preferredLink } from '../../background/page-for-link';
import type { Link } from '../../storage/schemas';

const link = (fields: Partial<Link>): Link => ({
  key: 'k', kind: 'gmail-thread', dealId: 'd', account: 'maria@rep-consulting.com', externalId: 'thread-f:1790999999000000001', url: null, label: '', createdAt: 0, ...fields,
});

describe('where a nudge takes the rep', () => {
  it('opens a Gmail thread in its account by address, not by /u/<n>', () => {
    expect(pageForLink(link({ url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH' }))).toBe(
      'https://mail.google.com/mail/u/maria%40rep-consulting.com/#all/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
    );
    // Without a saved address, the thread id itself (in hex, as Gmail's legacy ids are).
    expect(pageForLink(link({}))).toBe(`https://mail.google.com/mail/u/maria%40rep-consulting.com/#all/${(1790999999000000001n).toString(16)}`);
  });

  it('opens LinkedIn pages at their own address', () => {
    expect(pageForLink(link({ kind: 'linkedin-profile', account: null, externalId: 'aino-virtanen' }))).toBe('https://www.linkedin.com/in/aino-virtanen/');
    expect(pageForLink(link({ kind: 'linkedin-conversation', account: null, externalId: '2-abc==' }))).toBe('https://www.linkedin.com/messaging/thread/2-abc%3D%3D/');
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
