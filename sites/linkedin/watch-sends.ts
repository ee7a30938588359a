import { closestOf, queryAllFirst, queryFirst } from '../shared/query';
import { LINKEDIN } from './selectors';

/**
 * Notices the messages the rep sends, whatever their Enter setting. Enter-to-send is each
 * member's choice (msg-form__send-toggle): with it off, Enter makes a new line. So a press is
 * only a cue: after a click on Send, or Enter in a composer that holds text, the conversation
 * around the composer is watched for `windowMs`, and a message of the signed-in member's (no
 * "--other") that was not there before is the one sent. `onSent` gets the element it appeared
 * in (a chat bubble or the messaging page's conversation) and its urn. A press that sent
 * nothing leaves nothing behind. No UI text is read.
 */
export function watchLinkedInSends(
  signal: AbortSignal,
  onSent: (container: Element, eventId: string) => void,
  windowMs = 10_000,
): void {
  const outbound = (root: ParentNode) =>
    queryAllFirst(root, LINKEDIN.messageItem).flatMap((item) =>
      /--other\b/.test(item.className) ? [] : [item.getAttribute('data-event-urn') ?? ''],
    );
  const pressed = (from: Element) => {
    if (
      !(queryFirst(from.closest('form') ?? document, LINKEDIN.composer)?.textContent ?? '').trim()
    )
      return;
    const container =
      closestOf(from, LINKEDIN.overlayBubble) ??
      closestOf(from, LINKEDIN.conversationRoot) ??
      document.body;
    const seen = new Set(outbound(container));
    const observer = new MutationObserver(() => {
      for (const id of outbound(container)) {
        if (id && !seen.has(id)) {
          seen.add(id);
          onSent(container, id);
        }
      }
    });
    observer.observe(container, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-event-urn'],
    });
    const stop = () => observer.disconnect();
    setTimeout(stop, windowMs);
    signal.addEventListener('abort', stop, { once: true });
  };
  document.addEventListener(
    'click',
    (event) => {
      const button =
        event.target instanceof Element ? closestOf(event.target, LINKEDIN.sendButton) : null;
      if (button) pressed(button);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const composer =
        event.target instanceof Element ? closestOf(event.target, LINKEDIN.composer) : null;
      if (composer && event.key === 'Enter' && !event.shiftKey) pressed(composer);
    },
    { capture: true, signal },
  );
}
