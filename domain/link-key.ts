/** The kinds of link (storage/schemas.ts LINK_KINDS, checked there to match). */
export type LinkKind = 'gmail-thread' | 'linkedin-profile' | 'linkedin-conversation';

/**
 * A LinkedIn member id ("ACoAA…", as messaging headers, message senders and the profile's
 * top card write it). Unlike a profile's slug it is case-sensitive: it is kept and compared
 * exactly as LinkedIn writes it.
 */
export function isLinkedInMemberId(id: string): boolean {
  return /^ACo[\w-]{20,60}$/.test(id);
}

/**
 * The key a thread, profile or conversation is found by. Gmail threads are keyed by the
 * account's address (not /u/N, which shifts when accounts are added); LinkedIn profiles by
 * their slug (any case) or member id (exact); conversations by their id. Free of zod so
 * content scripts can use it.
 */
export function linkKey(link: {
  kind: LinkKind;
  account: string | null;
  externalId: string;
}): string {
  switch (link.kind) {
    case 'gmail-thread':
      return `gmail:${(link.account ?? '').toLowerCase()}:${link.externalId}`;
    case 'linkedin-profile':
      return `linkedin-profile:${isLinkedInMemberId(link.externalId) ? link.externalId : link.externalId.toLowerCase()}`;
    case 'linkedin-conversation':
      return `linkedin-conversation:${link.externalId}`;
  }
}
