import type { RecordTouchInput } from '../../storage/inputs';
import type { LinkedInMessage } from '../../sites/linkedin/read-conversation';

/** Every message whose time is known, as a touch of the deal, known by its urn. */
export function touchesOfMessages(messages: LinkedInMessage[], dealId: string): RecordTouchInput[] {
  return messages.flatMap((m) =>
    m.at === null
      ? []
      : [{ dealId, channel: 'linkedin' as const, direction: m.outbound ? ('outbound' as const) : ('inbound' as const), at: m.at, sourceKey: `linkedin:${m.id}` }],
  );
}
