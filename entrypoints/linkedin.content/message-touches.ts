import type { RecordTouchInput } from '../../storage/inputs';
import type { LinkedInMessage } from '../../sites/linkedin/read-conversation';

/** Every message as a touch of the deal, known by its urn: the same message is counted once. */
export function touchesOfMessages(messages: LinkedInMessage[], dealId: string): RecordTouchInput[] {
  return messages.map((m) => ({
    dealId,
    channel: 'linkedin',
    direction: m.outbound ? 'outbound' : 'inbound',
    at: m.at,
    sourceKey: `linkedin:${m.id}`,
  }));
}
