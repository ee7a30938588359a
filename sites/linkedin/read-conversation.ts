import { queryAllFirst, queryFirst } from '../shared/query';
import { parseLinkedInTime } from './parse-time';
import { canonicalProfileUrl, parseLinkedInRoute } from './route';
import { LINKEDIN } from './selectors';

export interface LinkedInMessage {
  /** The message's urn (data-event-urn). */
  id: string;
  at: number | null;
  /** Sent by the signed-in member (LinkedIn marks the other person's with "--other"). */
  outbound: boolean;
}

export interface LinkedInConversation {
  conversationId: string;
  partner: { name: string; profileUrl: string | null };
  messages: LinkedInMessage[];
}

export type ConversationReading = { kind: 'conversation'; conversation: LinkedInConversation } | { kind: 'unreadable'; missing: string; conversationId: string };

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The conversation open on a messaging page. */
export function readLinkedInConversation(document: Document, location: Pick<Location, 'pathname'>, now: number): ConversationReading | null {
  const route = parseLinkedInRoute(location);
  if (route.kind !== 'conversation') return null;
  const { conversationId } = route;
  // Only the conversation's own container: chat bubbles may be open over the page too.
  const root = queryFirst(document, LINKEDIN.conversationRoot) ?? document;
  const partnerLink = queryFirst(root, LINKEDIN.conversationPartner);
  const name = text(queryFirst(partnerLink ?? document, LINKEDIN.conversationPartnerName));
  if (!name) return { kind: 'unreadable', missing: 'participant', conversationId };
  const messages = readMessages(root, now);
  return {
    kind: 'conversation',
    conversation: {
      conversationId,
      partner: { name, profileUrl: partnerLink ? canonicalProfileUrl(partnerLink.getAttribute('href') ?? '') : null },
      messages,
    },
  };
}

/**
 * The messages under `root`, in order. A day heading stands above a group, and only a
 * group's first message carries the clock time: each message takes the latest seen above it.
 */
export function readMessages(root: ParentNode, now: number): LinkedInMessage[] {
  let day = '';
  let clock = '';
  const messages: LinkedInMessage[] = [];
  for (const event of queryAllFirst(root, LINKEDIN.messageEvent)) {
    day = text(queryFirst(event, LINKEDIN.messageDay)) || day;
    clock = text(queryFirst(event, LINKEDIN.messageClock)) || clock;
    const item = queryFirst(event, LINKEDIN.messageItem);
    const id = item?.getAttribute('data-event-urn');
    if (!item || !id) continue;
    messages.push({
      id,
      at: day && clock ? parseLinkedInTime(day, clock, now) : null,
      outbound: !/--other\b/.test(item.className),
    });
  }
  return messages;
}

export interface OverlayConversation {
  bubble: Element;
  partner: { name: string; profileUrl: string | null };
  messages: LinkedInMessage[];
}

/** The chat bubbles open over the page, each with the person it is with. */
export function readOverlayConversations(document: Document, now: number): OverlayConversation[] {
  return queryAllFirst(document, LINKEDIN.overlayBubble).map((bubble) => {
    const partner = queryFirst(bubble, LINKEDIN.overlayPartner);
    return {
      bubble,
      partner: { name: text(partner), profileUrl: partner ? canonicalProfileUrl(partner.getAttribute('href') ?? '') : null },
      messages: readMessages(bubble, now),
    };
  });
}
