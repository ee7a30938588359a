import { domainOf, isFreeMail } from '../../domain/prefill';
import { findEmail, queryAllFirst, queryFirst } from '../shared/query';
import { warnOnceWith } from '../shared/warn-once';
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
  /**
   * Gmail's id for the message, "msg-f:<decimal>" (or "msg-a:r…" for a reply just sent), or
   * null while it is collapsed: Gmail gives a message its id only once it is opened.
   */
  id: string | null;
  from: Person;
  /** Epoch ms of the date Gmail shows (to the minute), or null when it could not be read. */
  at: number | null;
  outbound: boolean;
}

export interface GmailThread {
  account: string;
  accountIndex: number;
  /** "thread-f:<decimal>": Gmail's permanent thread id ("thread-a:r…" until Gmail has one). */
  threadId: string;
  /** The thread's other id ("thread-a:r…" of a thread the rep started), which an earlier visit may have used. */
  threadAliases: string[];
  subject: string;
  /** Everyone on the thread but the rep and their colleagues (same company domain), first sender first. */
  participants: Person[];
  /** The messages shown, expanded or collapsed, in the thread's order. */
  messages: GmailMessage[];
  /** How many messages Gmail folds away behind "N older messages": not read from the page. */
  hiddenCount: number;
  /** The page's language, which Gmail writes its dates in. */
  language: string | null;
}

export type ThreadReading =
  | { kind: 'thread'; thread: GmailThread }
  | { kind: 'no-thread' }
  | { kind: 'unreadable'; missing: string };

export function personOf(element: Element | null): Person | null {
  const email = findEmail(element?.getAttribute('email'));
  if (!email) return null;
  return { email, name: element?.getAttribute('name')?.trim() || email };
}

function readMessageId(item: Element): string | null {
  const holder = item.matches(GMAIL.messageId.join(',')) ? item : queryFirst(item, GMAIL.messageId);
  return holder
    ? messageIdOf(
        holder.getAttribute('data-message-id'),
        holder.getAttribute('data-legacy-message-id'),
      )
    : null;
}

/** The hidden messages: the pill's number where Gmail shows one, else the hidden items counted. */
function countHidden(main: ParentNode, items: Element[]): number {
  const pill = Number(queryFirst(main, GMAIL.hiddenCount)?.textContent?.trim());
  const hiddenItems = items.filter((item) => item.matches(GMAIL.hiddenMessage.join(','))).length;
  return Number.isInteger(pill) && pill > 0 ? Math.max(pill, hiddenItems) : hiddenItems;
}

/** The page's language: Gmail writes dates in its own UI language, which <html lang> names. */
export function pageLanguage(document: Document): string | null {
  return document.documentElement.getAttribute('lang') || null;
}

/** A message's date from its title; a date that cannot be read is warned about once per page. */
// The thread is read again on every Gmail mutation: each date title is parsed once.
const parsedTitles = new Map<string, number | null>();

export function readMessageTime(
  title: string | null | undefined,
  language: string | null,
): number | null {
  if (!title) return null;
  const key = `${language}\n${title}`;
  let at = parsedTitles.get(key);
  if (at === undefined) {
    if (parsedTitles.size >= 500) parsedTitles.clear();
    parsedTitles.set(key, (at = parseGmailDate(title, language)));
  }
  if (at === null) {
    warnOnceWith(
      'gmail-date',
      `a Gmail date could not be read ("${title.slice(0, 60)}"); its message keeps its place in the thread.`,
    );
  }
  return at;
}

/**
 * The open conversation, read from the page. `no-thread` when none is open (a list);
 * `unreadable` when Gmail's markup is not what we know, naming the first thing missing.
 */
export function readGmailThread(
  document: Document,
  location: Pick<Location, 'pathname' | 'hash'>,
): ThreadReading {
  const route = parseGmailRoute(location);
  if (!route || !route.threadToken) return { kind: 'no-thread' };
  const account = readGmailAccount(document);
  if (!account) return { kind: 'unreadable', missing: 'account' };
  const main = queryFirst(document, GMAIL.main) ?? document;
  const subject = queryFirst(main, GMAIL.subject);
  if (!subject) return { kind: 'unreadable', missing: 'subject' };
  const permId = subject.getAttribute('data-thread-perm-id');
  const threadId = threadIdOf(permId, subject.getAttribute('data-legacy-thread-id'));
  if (!threadId) return { kind: 'unreadable', missing: 'thread id' };
  const startedHere = threadIdOf(permId, null);

  const language = pageLanguage(document);
  const items = queryAllFirst(main, GMAIL.messageItem);
  const messages: GmailMessage[] = [];
  const people = new Map<string, Person>();
  for (const item of items) {
    if (item.matches(GMAIL.hiddenMessage.join(','))) continue;
    const from = personOf(queryFirst(item, GMAIL.sender));
    if (!from) continue;
    const at = readMessageTime(queryFirst(item, GMAIL.date)?.getAttribute('title'), language);
    messages.push({ id: readMessageId(item), from, at, outbound: from.email === account });
    for (const p of [from, ...queryAllFirst(item, GMAIL.recipient).map(personOf)]) {
      if (p && !people.has(p.email)) people.set(p.email, p);
    }
  }
  if (messages.length === 0) return { kind: 'unreadable', missing: 'messages' };
  return {
    kind: 'thread',
    thread: {
      account,
      accountIndex: route.accountIndex,
      threadId,
      threadAliases: startedHere && startedHere !== threadId ? [startedHere] : [],
      subject: subject.textContent?.trim() ?? '',
      participants: prospectsAmong(people, account),
      messages,
      hiddenCount: countHidden(main, items),
      language,
    },
  };
}

/**
 * The rep's own company is not a prospect: leave out the rep and their colleagues too, unless
 * the rep writes from a free-mail address where the domain says nothing.
 */
function prospectsAmong(people: Map<string, Person>, account: string): Person[] {
  const ownDomain = isFreeMail(account) ? null : domainOf(account);
  return [...people.values()].filter(
    ({ email }) => email !== account && !(ownDomain && domainOf(email) === ownDomain),
  );
}
