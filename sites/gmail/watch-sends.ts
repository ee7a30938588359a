import { closestOf, queryFirst } from '../shared/query';
import { GMAIL } from './selectors';

export interface SendEvents {
  /** The rep pressed Send (button or Ctrl/⌘+Enter) in a compose form. */
  onSend(draftId: string, form: Element): void;
  /** The send did not happen after all: Undo was clicked, or the form stayed open. */
  onCancel(draftId: string): void;
}

/** How long Gmail may take to close a compose form that was really sent. */
const SENT_CONFIRM_MS = 8_000;

/**
 * Notices sends without reading any UI text (Gmail speaks Turkish and Finnish too): a click on
 * the Send button or Ctrl/⌘+Enter in a compose body, then the toast's Undo link, by id.
 */
export function watchSends(signal: AbortSignal, events: SendEvents): void {
  let lastDraft: string | null = null;

  const sendFrom = (target: Element) => {
    const form = closestOf(target, GMAIL.composeForm) ?? target.closest('form');
    const draftId = form && queryFirst(form, GMAIL.composeDraft)?.getAttribute('value');
    if (!form || !draftId) return;
    lastDraft = draftId;
    events.onSend(draftId, form);
    // A form that is still on the page a while later was not sent (no recipient, an error).
    setTimeout(() => {
      if (!signal.aborted && form.isConnected && queryFirst(form, GMAIL.composeDraft)?.getAttribute('value') === draftId) {
        events.onCancel(draftId);
      }
    }, SENT_CONFIRM_MS);
  };

  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const send = closestOf(target, GMAIL.sendButton);
      if (send) return sendFrom(send);
      if (lastDraft && closestOf(target, GMAIL.undoSend)) {
        events.onCancel(lastDraft);
        lastDraft = null;
      }
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      if (closestOf(target, GMAIL.composeBody)) sendFrom(target);
    },
    { capture: true, signal },
  );
}
