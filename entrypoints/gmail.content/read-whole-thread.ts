import { readGmailPrintView } from '../../sites/gmail/read-print-view';
import type { GmailMessage, GmailThread } from '../../sites/gmail/read-thread';

/**
 * Gmail folds the middle of a long thread away behind "N older messages": those have no
 * sender, date or id in the page. Gmail's own print view of the thread lists every message
 * with its sender and date, server-rendered, from the page's own origin and with the rep's
 * own session: one GET, no permission, nothing sent anywhere but to Gmail itself, and the
 * thread is not marked read. It is parsed as an inert document (no script of it runs).
 */
export function printViewUrl(
  origin: string,
  accountIndex: number,
  threadId: string,
  ik: string | null,
): string {
  const query = new URLSearchParams({
    ...(ik ? { ik } : {}),
    view: 'pt',
    search: 'all',
    permthid: threadId,
  });
  return `${origin}/mail/u/${accountIndex}/?${query}`;
}

/** Gmail's key for the signed-in account, which its own requests carry as `ik=`. */
export function accountKeyFromRequests(entries: readonly { name: string }[]): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const match = entries[i]!.name.match(
      /^https:\/\/mail\.google\.com\/.*[?&]ik=([0-9a-f]{6,16})(?:&|$)/,
    );
    if (match) return match[1]!;
  }
  return null;
}

/** Every message of the thread from its print view, or null when it could not be read. */
export function readWholeThread(
  thread: Pick<GmailThread, 'account' | 'threadId'>,
  accountIndex: number,
): Promise<GmailMessage[] | null> {
  const ik = accountKeyFromRequests(performance.getEntriesByType('resource'));
  const url = printViewUrl(location.origin, accountIndex, thread.threadId, ik);
  return new Promise((resolve) => {
    // XMLHttpRequest parses HTML into a document whose scripts never run, and (unlike
    // DOMParser) is no Trusted Types sink, which Gmail enforces.
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'document';
    request.withCredentials = true;
    request.timeout = 20_000;
    request.onload = () => {
      const document = request.status === 200 ? (request.responseXML as Document | null) : null;
      resolve(document ? readGmailPrintView(document, thread.account) : null);
    };
    request.onerror = request.ontimeout = request.onabort = () => resolve(null);
    request.send();
  });
}
