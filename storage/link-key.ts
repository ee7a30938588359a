import type { LinkKind } from './schemas';

/**
 * The key a thread, profile or conversation is found by. Gmail threads are keyed by the
 * account's address (not /u/N, which shifts when accounts are added); LinkedIn profiles by
 * their slug; conversations by their id. Free of zod so content scripts can use it.
 */
export function linkKey(link: { kind: LinkKind; account: string | null; externalId: string }): string {
  switch (link.kind) {
    case 'gmail-thread':
      return `gmail:${(link.account ?? '').toLowerCase()}:${link.externalId}`;
    case 'linkedin-profile':
      return `linkedin-profile:${link.externalId.toLowerCase()}`;
    case 'linkedin-conversation':
      return `linkedin-conversation:${link.externalId}`;
  }
}
