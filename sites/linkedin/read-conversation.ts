import { queryAllFirst, queryFirst } from '../shared/query';
import {
  conversationOfThread,
  eventFacts,
  parseLinkedInTime,
  threadOfConversation,
} from './parse-time';
import { parseLinkedInRoute, personOfHref, type LinkedInPerson } from './route';
import { LINKEDIN } from './selectors';

export interface LinkedInMessage {
  /** The message's urn (data-event-urn). */
  id: string;
  /** Never missing: read from the page, the event id where proven, or the thread's order. */
  at: number;
  /** Sent by the signed-in member (LinkedIn marks the other person's with "--other"). */
  outbound: boolean;
}

/** The other person of a conversation: their name and the ids their profile link carries. */
export type Partner = { name: string } & LinkedInPerson;

export interface LinkedInConversation {
  conversationId: string;
  partner: Partner;
  messages: LinkedInMessage[];
}

export type ConversationReading =
  | { kind: 'conversation'; conversation: LinkedInConversation }
  | { kind: 'unreadable'; missing: string; conversationId: string };

/** What a conversation pane showed: after a switch, the next conversation is read only once the pane has changed. */
export interface PaneMark {
  conversationId: string;
  partner: string;
  events: string[];
}

const MINUTE = 60_000;
const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const partnerOf = (name: string, link: Element | null): Partner => ({
  name,
  ...(personOfHref(link?.getAttribute('href')) ?? { slug: null, memberId: null }),
});
const partnerKey = (p: Partner) => p.memberId ?? p.slug ?? p.name;

export const paneMark = (c: LinkedInConversation): PaneMark => ({
  conversationId: c.conversationId,
  partner: partnerKey(c.partner),
  events: c.messages.map((m) => m.id),
});

/**
 * The conversation open on a messaging page. LinkedIn changes the address before the pane:
 * while the pane still shows the conversation read before (`previous`: its participant, its
 * events, or event ids naming that conversation), it is not read.
 */
export function readLinkedInConversation(
  document: Document,
  location: Pick<Location, 'pathname'>,
  now: number,
  previous: PaneMark | null = null,
): ConversationReading | null {
  const route = parseLinkedInRoute(location);
  if (route.kind !== 'conversation') return null;
  const { conversationId } = route;
  // Only the conversation's own container: chat bubbles may be open over the page too.
  const root = queryFirst(document, LINKEDIN.conversationRoot) ?? document;
  const partnerLink = queryFirst(root, LINKEDIN.conversationPartner);
  const name = text(queryFirst(partnerLink ?? root, LINKEDIN.conversationPartnerName));
  if (!name) return { kind: 'unreadable', missing: 'participant', conversationId };
  const conversation = {
    conversationId,
    partner: partnerOf(name, partnerLink),
    messages: readMessages(root, now),
  };
  // Event ids name their conversation: all of them this one's proves the pane shows it (even
  // with the same person as before); any of them the previous one's proves it does not.
  const threads = conversation.messages.flatMap((m) => eventFacts(m.id).thread ?? []);
  const own = threadOfConversation(conversationId);
  const stale =
    !!previous &&
    previous.conversationId !== conversationId &&
    !(threads.length > 0 && threads.every((t) => t === own)) &&
    (threads.includes(threadOfConversation(previous.conversationId)!) ||
      previous.partner === partnerKey(conversation.partner) ||
      conversation.messages.some((m) => previous.events.includes(m.id)));
  return stale
    ? { kind: 'unreadable', missing: 'this conversation in its pane', conversationId }
    : { kind: 'conversation', conversation };
}

/**
 * The messages under `root`, in order. A day heading stands above a group, and only a
 * group's first message carries the clock time: each message takes the latest seen above it.
 * Times are read in the page's language. The event id's own time replaces them where this
 * page proves it (every message showing its own clock agrees with its id to the minute);
 * where no time can be read, the thread's order gives one (the message before it, or after).
 */
export function readMessages(root: ParentNode, now: number): LinkedInMessage[] {
  const language = (root.ownerDocument ?? (root as Document)).documentElement?.lang;
  let day = '';
  let clock = '';
  const read: {
    id: string;
    outbound: boolean;
    shown: number | null;
    ownClock: boolean;
    fromId: number | null;
  }[] = [];
  for (const event of queryAllFirst(root, LINKEDIN.messageEvent)) {
    day = text(queryFirst(event, LINKEDIN.messageDay)) || day;
    const ownClock = text(queryFirst(event, LINKEDIN.messageClock));
    clock = ownClock || clock;
    const item = queryFirst(event, LINKEDIN.messageItem);
    const id = item?.getAttribute('data-event-urn');
    if (!item || !id) continue;
    const shown = day && clock ? parseLinkedInTime(day, clock, now, [language]) : null;
    read.push({
      id,
      outbound: !/--other\b/.test(item.className),
      shown,
      ownClock: !!ownClock,
      fromId: eventFacts(id).at,
    });
  }
  const checked = read.filter((m) => m.ownClock && m.shown !== null && m.fromId !== null);
  const proven =
    checked.length > 0 &&
    checked.every((m) => m.fromId! >= m.shown! - MINUTE && m.fromId! < m.shown! + 2 * MINUTE);
  const times = read.map((m) => (proven && m.fromId !== null ? m.fromId : m.shown));
  const firstKnown = times.find((at) => at !== null) ?? Math.floor(now / MINUTE) * MINUTE;
  let last = firstKnown;
  return read.map((m, i) => {
    last = times[i] ?? last;
    return { id: m.id, outbound: m.outbound, at: last };
  });
}

export interface OverlayConversation {
  bubble: Element;
  partner: Partner;
  messages: LinkedInMessage[];
  /** The conversation the bubble shows, where its event ids all name the same one; else null. */
  conversationId: string | null;
}

/** The conversation id ("2-<base64>") every event id of a list names, or null. */
function conversationOfEvents(messages: LinkedInMessage[]): string | null {
  const threads = new Set(messages.map((m) => eventFacts(m.id).thread));
  const [thread] = threads;
  return threads.size === 1 && thread ? conversationOfThread(thread) : null;
}

/** The chat bubbles open over the page, each with the person it is with. */
export function readOverlayConversations(document: Document, now: number): OverlayConversation[] {
  return queryAllFirst(document, LINKEDIN.overlayBubble).map((bubble) => {
    const link = queryFirst(bubble, LINKEDIN.overlayPartner);
    const messages = readMessages(bubble, now);
    return {
      bubble,
      partner: partnerOf(text(link), link),
      messages,
      conversationId: conversationOfEvents(messages),
    };
  });
}
