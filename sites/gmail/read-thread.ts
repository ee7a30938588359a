import { domainOf, isFreeMail } from '../../domain/prefill';
import { findEmail, queryAllFirst, queryFirst } from '../shared/query';
import { messageIdOf, threadIdOf } from './ids';
import { parseGmailDate } from './parse-date';
import { readGmailAccount } from './read-account';
import { parseGmailRoute } from './route';
import { GMAIL } from './selectors';

export interface Person {
  name: string;
  email: string;
}

export interface GmailMessage {
  /** "msg-f:<decimal>". */
  id: string;
  from: Person;
  /** Epoch ms; null when Gmail did not show a full date (a collapsed message). */
  at: number | null;
  outbound: boolean;
}

export interface GmailThread {
  account: string;
  accountIndex: number;
  /** "thread-f:<decimal>": Gmail's permanent thread id. */
  threadId: string;
  subject: string;
  /** Everyone on the thread but the rep and their colleagues (same company domain), first sender first. */
  participants: Person[];
  messages: GmailMessage[];
}

export type ThreadReading = { kind: 'thread'; thread: GmailThread } | { kind: 'no-thread' } | { kind: 'unreadable'; missing: string };

function person(element: Element | null): Person | null {
  const email = findEmail(element?.getAttribute('email'));
  if (!email) return null;
  return { email, name: element?.getAttribute('name')?.trim() || email };
}

function readMessageId(item: Element): string | null {
  const holder = item.matches(GMAIL.messageId.join(',')) ? item : queryFirst(item, GMAIL.messageId);
  return holder ? messageIdOf(holder.getAttribute('data-message-id'), holder.getAttribute('data-legacy-message-id')) : null;
}

/**
 * Collapsed messages show no full date. Each gets the time of the nearest earlier message
 * whose date is known (messages are in order), so the thread's history stays in order and a
 * collapsed message never looks newer than it is.
 */
function fillMissingTimes(messages: GmailMessage[]): GmailMessage[] {
  let previous: number | null = null;
  const forward = messages.map((m) => {
    if (m.at !== null) previous = m.at;
    return { ...m, at: m.at ?? previous };
  });
  let next: number | null = null;
  for (let i = forward.length - 1; i >= 0; i--) {
    const m = forward[i]!;
    if (m.at === null && next !== null) m.at = next;
    if (m.at !== null) next = m.at;
  }
  return forward;
}

/**
 * The open conversation, read from the page. `no-thread` when none is open (a list);
 * `unreadable` when Gmail's markup is not what we know, naming the first thing missing.
 */
export function readGmailThread(document: Document, location: Pick<Location, 'pathname' | 'hash'>): ThreadReading {
  const route = parseGmailRoute(location);
  if (!route || !route.threadToken) return { kind: 'no-thread' };
  const account = readGmailAccount(document);
  if (!account) return { kind: 'unreadable', missing: 'account' };
  const main = queryFirst(document, GMAIL.main) ?? document;
  const subject = queryFirst(main, GMAIL.subject);
  if (!subject) return { kind: 'unreadable', missing: 'subject' };
  const threadId = threadIdOf(subject.getAttribute('data-thread-perm-id'), subject.getAttribute('data-legacy-thread-id'));
  if (!threadId) return { kind: 'unreadable', missing: 'thread id' };

  const messages: GmailMessage[] = [];
  const people = new Map<string, Person>();
  for (const item of queryAllFirst(main, GMAIL.messageItem)) {
    const id = readMessageId(item);
    const from = person(queryFirst(item, GMAIL.sender));
    if (!id || !from) continue;
    const title = queryFirst(item, GMAIL.date)?.getAttribute('title');
    messages.push({ id, from, at: title ? parseGmailDate(title) : null, outbound: from.email === account });
    for (const p of [from, ...queryAllFirst(item, GMAIL.recipient).map(person)]) {
      if (p && !people.has(p.email)) people.set(p.email, p);
    }
  }
  if (messages.length === 0) return { kind: 'unreadable', missing: 'messages' };
  // The rep's own company is not a prospect: leave out their colleagues too, unless the rep
  // writes from a free-mail address where the domain says nothing.
  const ownDomain = isFreeMail(account) ? null : domainOf(account);
  for (const email of [...people.keys()]) {
    if (email === account || (ownDomain && domainOf(email) === ownDomain)) people.delete(email);
  }
  return {
    kind: 'thread',
    thread: {
      account,
      accountIndex: route.accountIndex,
      threadId,
      subject: subject.textContent?.trim() ?? '',
      participants: [...people.values()],
      messages: fillMissingTimes(messages),
    },
  };
}
