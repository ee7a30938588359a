import { findEmail, queryFirst } from '../shared/query';
import { GMAIL } from './selectors';

/**
 * The signed-in account's address: from the page title ("Inbox - me@example.com - Gmail"),
 * else from the account button's label. Links are keyed by it, not by /u/<n>.
 */
export function readGmailAccount(document: Document): string | null {
  const fromTitle = document.title.match(/ - ([^\s]+@[^\s]+) - /)?.[1];
  if (fromTitle) return findEmail(fromTitle);
  return findEmail(queryFirst(document, GMAIL.accountButton)?.getAttribute('aria-label'));
}
