import { useEffect, useState } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import type { GmailThread } from '../../sites/gmail/read-thread';
import { readWholeThread } from './read-whole-thread';
import { touchesOfThread } from './thread-touches';

// Threads whose print view was read in this page, by thread and message count: reopening one
// reads nothing again until a message is added.
const readWhole = new Set<string>();

/**
 * For a linked thread with messages folded away behind "N older messages", reads the whole
 * thread from Gmail's print view once and records its messages. Returns how many messages are
 * not read yet: the panel says so instead of showing a count that may be wrong.
 */
export function useHiddenMessages(
  thread: GmailThread | null,
  dealId: string | null,
  accountIndex: number,
  onView: (view: DealView) => void,
): number {
  const hidden = thread?.hiddenCount ?? 0;
  const readKey = thread
    ? `${thread.account}:${thread.threadId}:${thread.messages.length + hidden}`
    : '';
  const [read, setRead] = useState(() => readWhole.has(readKey));
  useEffect(() => {
    setRead(readWhole.has(readKey));
    if (!thread || !dealId || hidden === 0 || readWhole.has(readKey)) return;
    let current = true;
    void readWholeThread(thread, accountIndex)
      .then(async (messages) => {
        // Only a print view that holds at least what the page shows is the whole thread.
        if (!messages || messages.length < thread.messages.length + hidden) return;
        const reply = await request({
          type: 'touches.sync',
          inputs: touchesOfThread({ ...thread, messages }, dealId),
        });
        readWhole.add(readKey);
        if (reply.view) onView(reply.view);
        if (current) setRead(true);
      })
      .catch(() => {});
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- readKey names the thread and how much of it is hidden
  }, [readKey, dealId]);
  return hidden > 0 && !read ? hidden : 0;
}
