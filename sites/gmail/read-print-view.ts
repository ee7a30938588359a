import { findEmail, queryAllFirst, queryFirst } from '../shared/query';
import { pageLanguage, readMessageTime, type GmailMessage } from './read-thread';
import { GMAIL_PRINT } from './selectors';

/**
 * Every message of a thread from Gmail's print view of it (`?view=pt`), in order: sender and
 * date, no ids (the print view shows none). Null when the page is not a print view (a sign-in
 * page, an error), so nothing is read from it.
 */
export function readGmailPrintView(document: Document, account: string): GmailMessage[] | null {
  const tables = queryAllFirst(document, GMAIL_PRINT.message);
  if (tables.length === 0) return null;
  const language = pageLanguage(document);
  const messages: GmailMessage[] = [];
  for (const table of tables) {
    const sender = queryFirst(table, GMAIL_PRINT.senderCell);
    // "<b>Name </b>&lt;address&gt;"; a sender shown by address alone has no <b>.
    const email = findEmail(sender?.textContent);
    if (!sender || !email) return null;
    const name =
      sender
        .querySelector('b')
        ?.textContent?.replace(/<[^>]*>\s*$/, '')
        .trim() || email;
    const at = readMessageTime(
      queryFirst(table, GMAIL_PRINT.dateCell)?.textContent?.trim(),
      language,
    );
    messages.push({ id: null, from: { name, email }, at, outbound: email === account });
  }
  return messages;
}
