import type { RecordTouchInput } from '../../storage/inputs';
import type { GmailThread } from '../../sites/gmail/read-thread';

/** The message id a touch from Gmail is known by, scoped to the account's mailbox. */
export function gmailSourceKey(account: string, messageId: string): string {
  return `gmail:${account}:${messageId}`;
}

/** Every message of a thread whose time is known, as a touch of the deal. */
export function touchesOfThread(thread: GmailThread, dealId: string): RecordTouchInput[] {
  return thread.messages.flatMap((message) =>
    message.at === null
      ? []
      : [
          {
            dealId,
            channel: 'email' as const,
            direction: message.outbound ? ('outbound' as const) : ('inbound' as const),
            at: message.at,
            sourceKey: gmailSourceKey(thread.account, message.id),
          },
        ],
  );
}
