import { selectedWithin, textWithout } from '../shared/read-words';
import { queryAllFirst, queryFirst } from '../shared/query';
import { LINKEDIN } from './selectors';

/**
 * What the other person said in the open conversation: the text the rep has selected in it,
 * or else their latest message (LinkedIn marks theirs "--other"). Null when there is none.
 */
export function readLinkedInProspectWords(document: Document): string | null {
  const root = queryFirst(document, LINKEDIN.conversationRoot);
  if (!root) return null;
  const selected = selectedWithin(document, root);
  if (selected) return selected;
  for (const item of queryAllFirst(root, LINKEDIN.messageItem).reverse()) {
    if (!/--other\b/.test(item.className)) continue;
    const body = queryFirst(item, LINKEDIN.messageBody);
    const words = body && textWithout(body, []);
    if (words) return words;
  }
  return null;
}
