import type { Link } from '../storage/schemas';
import { pageForLink } from '../storage/link-address';

/**
 * The link a nudge opens: the most recently linked Gmail thread, else the LinkedIn page;
 * only links that have an address of their site count.
 */
export function preferredLink(links: Link[]): Link | undefined {
  const order = { 'gmail-thread': 0, 'linkedin-conversation': 1, 'linkedin-profile': 2 } as const;
  return links
    .filter((link) => pageForLink(link) !== null)
    .sort((a, b) => order[a.kind] - order[b.kind] || b.createdAt - a.createdAt)[0];
}
