import type { RecordTouchInput } from '../../storage/inputs';
import type { GmailMessage, GmailThread } from '../../sites/gmail/read-thread';

const MINUTE = 60_000;

/** The message id a touch from Gmail is known by, scoped to the account's mailbox. */
export function gmailSourceKey(account: string, messageId: string): string {
  return `gmail:${account}:${messageId}`;
}

/**
 * Every message of a thread as a touch of the deal.
 *
 * A message is known by what every view of it shows: its thread, sender and the minute of
 * its date, and how many of that sender's messages in that minute came before it. A
 * collapsed header (no id yet), the same message opened (id "msg-a:r…" or "msg-f:…") and its
 * line in Gmail's print view are then one touch; its id is kept as an alias.
 *
 * Gmail dates go to the minute. Messages of one minute are placed a millisecond apart in the
 * thread's order, and a message whose date could not be read sits just after the one before
 * it, so an earlier message is never counted after the reply that followed it.
 */
export function touchesOfThread(
  thread: Pick<GmailThread, 'account' | 'threadId' | 'threadAliases' | 'messages'>,
  dealId: string,
): RecordTouchInput[] {
  // A thread the rep started keeps its "thread-a" id from the first moment; its "thread-f"
  // id comes later. The first is the one every view of it shares.
  const threadKey = thread.threadAliases[0] ?? thread.threadId;
  const times = placeInOrder(thread.messages);
  const earlierInMinute = new Map<string, number>();
  return thread.messages.flatMap((message, i) => {
    const placed = times[i];
    if (!placed) return [];
    const { at, minute } = placed;
    const who = `${message.from.email}@${minute}`;
    const n = earlierInMinute.get(who) ?? 0;
    earlierInMinute.set(who, n + 1);
    return [
      {
        dealId,
        channel: 'email' as const,
        direction: message.outbound ? ('outbound' as const) : ('inbound' as const),
        at,
        sourceKey: `gmail:${thread.account}:${threadKey}:${who}#${n}`,
        ...(message.id ? { aliases: [gmailSourceKey(thread.account, message.id)] } : {}),
        formerKeyPrefix: gmailSourceKey(thread.account, 'msg-'),
      },
    ];
  });
}

/**
 * Each message's minute as shown, and its time: strictly increasing in the thread's order, so
 * messages of one minute are a millisecond apart. A message of unknown date takes the place
 * just after the one before it (or the first known minute). Undefined only when no message of
 * the thread has a readable date.
 */
function placeInOrder(
  messages: readonly GmailMessage[],
): ({ at: number; minute: number } | undefined)[] {
  const firstKnown = messages.find((m) => m.at !== null)?.at ?? undefined;
  let previous: { at: number; minute: number } | undefined;
  return messages.map((message) => {
    const shown = message.at ?? previous?.minute ?? firstKnown;
    if (shown === undefined) return undefined;
    const minute = Math.floor(shown / MINUTE) * MINUTE;
    const at = previous && previous.at >= minute ? previous.at + 1 : minute;
    previous = { at, minute };
    return previous;
  });
}
