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

/**
 * The open conversation. A day heading stands above a group, and only a group's first
 * message carries the clock time: each message takes the latest seen above it.
 */
export function readLinkedInConversation(document: Document, location: Pick<Location, 'pathname'>, now: number): ConversationReading | null {
  const route = parseLinkedInRoute(location);
  if (route.kind !== 'conversation') return null;
  const { conversationId } = route;
  const partnerLink = queryFirst(document, LINKEDIN.conversationPartner);
  const name = text(queryFirst(partnerLink ?? document, LINKEDIN.conversationPartnerName));
  if (!name) return { kind: 'unreadable', missing: 'participant', conversationId };
  let day = '';
  let clock = '';
  const messages: LinkedInMessage[] = [];
  for (const event of queryAllFirst(document, LINKEDIN.messageEvent)) {
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
  return {
    kind: 'conversation',
    conversation: {
      conversationId,
      partner: { name, profileUrl: partnerLink ? canonicalProfileUrl(partnerLink.getAttribute('href') ?? '') : null },
      messages,
    },
  };
}
