import { selectedWithin, textWithout } from '../shared/read-words';
import { queryAllFirst, queryFirst } from '../shared/query';
import { readGmailAccount } from './read-account';
import { personOf } from './read-thread';
import { GMAIL } from './selectors';

/**
 * What the prospect said in the open thread: the text the rep has selected in it, or else the
 * latest message shown in full that the rep did not send, without the messages it quotes.
 * Null when there is none (only the rep's own messages, or a page that is not a thread).
 */
export function readGmailProspectWords(document: Document): string | null {
  const main = queryFirst(document, GMAIL.main);
  if (!main) return null;
  const selected = selectedWithin(document, main);
  if (selected) return selected;
  const account = readGmailAccount(document);
  for (const item of queryAllFirst(main, GMAIL.messageItem).reverse()) {
    const body = queryFirst(item, GMAIL.messageBody);
    const from = personOf(queryFirst(item, GMAIL.sender));
    if (!body || !from || from.email === account) continue;
    const words = textWithout(body, GMAIL.quotedText);
    if (words) return words;
  }
  return null;
}
