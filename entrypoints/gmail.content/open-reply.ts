import { GMAIL } from '../../sites/gmail/selectors';
import { queryAllFirst } from '../../sites/shared/query';

/**
 * Opens Gmail's own reply to the newest message of the open thread, so Gmail quotes it: the
 * Reply button in that message's expanded header, else the Reply link under the thread.
 * False when neither is there (nothing is clicked then). Never throws into the page.
 */
export function openGmailReply(document: Document): boolean {
  try {
    const reply = gmailReplyControl(document);
    if (!reply) return false;
    simulateClick(reply);
    return true;
  } catch (error) {
    console.warn('Threadline: could not open Gmail’s reply', error);
    return false;
  }
}

/** The header Reply of the newest message, when that message is expanded and shows one. */
function newestMessageReply(document: Document): HTMLElement | null {
  const items = queryAllFirst(document, GMAIL.messageItem);
  const newest = items[items.length - 1];
  if (!newest) return null;
  const button = queryAllFirst(newest, GMAIL.messageReply).find((el) => isShown(el));
  return (button as HTMLElement | undefined) ?? null;
}

/**
 * The Reply link under the thread. Some layouts keep a second, hidden bar inside a table;
 * InboxSDK (gmail-thread-view.ts) takes the shown one outside a table, else the first.
 */
function threadReply(document: Document): HTMLElement | null {
  const links = queryAllFirst(document, GMAIL.threadReply);
  const best =
    links.find((link) => !link.closest('table') && isShown(link)) ??
    links.find((link) => isShown(link)) ??
    links[0];
  return (best as HTMLElement | undefined) ?? null;
}

/** Whether an element is displayed: neither it nor any ancestor has display: none. */
function isShown(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const display = view
      ? view.getComputedStyle(node).display
      : (node as HTMLElement).style?.display;
    if (display === 'none') return false;
  }
  return true;
}

/**
 * Clicks one of Gmail's buttons the way InboxSDK does (lib/dom/simulate-mouse-event.ts
 * simulateClick): Gmail's buttons act on mousedown then mouseup, so a bare click() is not
 * enough. The events carry the element's centre, which Gmail's delegated handlers hit-test.
 */
export function simulateClick(element: HTMLElement): void {
  const view = element.ownerDocument.defaultView;
  const rect = element.getBoundingClientRect();
  const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
  for (const type of ['mousedown', 'mouseup', 'click', 'mouseleave', 'mouseout']) {
    const init: MouseEventInit = {
      bubbles: true,
      cancelable: true,
      composed: true,
      button: 0,
      buttons: type === 'mousedown' ? 1 : 0,
      ...at,
    };
    if (view) init.view = view;
    const Mouse = (view as (Window & typeof globalThis) | null)?.MouseEvent ?? MouseEvent;
    element.dispatchEvent(new Mouse(type, init));
  }
  element.blur();
}

/** The control openGmailReply() would click, or null. */
export function gmailReplyControl(document: Document): HTMLElement | null {
  return newestMessageReply(document) ?? threadReply(document);
}
