import type { Link } from '../storage/schemas';

/**
 * The address that opens a linked thread, profile or conversation. Gmail threads open in
 * the right account by its address (/mail/u/<address>/), not by /u/<n>, which shifts when
 * accounts are added or removed.
 */
export function pageForLink(link: Pick<Link, 'kind' | 'account' | 'externalId' | 'url'>): string {
  switch (link.kind) {
    case 'gmail-thread': {
      const account = encodeURIComponent(link.account ?? '0');
      const token = link.url ? new URL(link.url).hash.split('/').at(-1) : undefined;
      const decimal = link.externalId.match(/^thread-f:(\d+)$/)?.[1];
      const id = token && token !== '#' ? token : decimal ? BigInt(decimal).toString(16) : '';
      return `https://mail.google.com/mail/u/${account}/#all/${id}`;
    }
    case 'linkedin-profile':
      return link.url ?? `https://www.linkedin.com/in/${encodeURIComponent(link.externalId)}/`;
    case 'linkedin-conversation':
      return link.url ?? `https://www.linkedin.com/messaging/thread/${encodeURIComponent(link.externalId)}/`;
  }
}

/** The link a nudge opens: the most recently linked Gmail thread, else the LinkedIn page. */
export function preferredLink(links: Link[]): Link | undefined {
  const order = { 'gmail-thread': 0, 'linkedin-conversation': 1, 'linkedin-profile': 2 } as const;
  return [...links].sort((a, b) => order[a.kind] - order[b.kind] || b.createdAt - a.createdAt)[0];
}
