import { linkKey } from '../../domain/link-key';
import type { LinkInput } from '../../storage/inputs';
import type { OverlayConversation } from '../../sites/linkedin/read-conversation';
import { conversationUrlOf, profileUrlOf } from '../../sites/linkedin/route';

/**
 * What a chat bubble is linked by: its conversation, as on the messaging page, where its
 * event ids name it; else the person it is with (their member id, or their profile's slug).
 * Null for a bubble with nobody yet (a new message).
 */
export function bubbleLink(bubble: OverlayConversation): { key: string; link: LinkInput } | null {
  const { conversationId, partner } = bubble;
  if (conversationId) {
    const link: LinkInput = {
      kind: 'linkedin-conversation',
      externalId: conversationId,
      url: conversationUrlOf(conversationId),
      label: partner.name,
    };
    return { key: linkKey({ ...link, account: null }), link };
  }
  const id = partner.memberId ?? partner.slug;
  if (!id) return null;
  const link: LinkInput = {
    kind: 'linkedin-profile',
    externalId: id,
    url: profileUrlOf(id),
    label: partner.name,
  };
  return { key: linkKey({ ...link, account: null }), link };
}
