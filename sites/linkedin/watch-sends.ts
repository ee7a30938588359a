import { closestOf, queryFirst } from '../shared/query';
import { LINKEDIN } from './selectors';

/**
 * Notices a message sent from LinkedIn's composer: a click on its Send button, or Enter in
 * the composer (LinkedIn's default), when the composer holds text. No UI text is read.
 * `onSend` gets the element it came from, to tell a chat bubble from the messaging page.
 */
export function watchLinkedInSends(signal: AbortSignal, onSend: (from: Element) => void): void {
  const composerHasText = (from: Element) => {
    const form = from.closest('form') ?? document;
    return (queryFirst(form, LINKEDIN.composer)?.textContent ?? '').trim().length > 0;
  };
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? closestOf(event.target, LINKEDIN.sendButton) : null;
      if (target && composerHasText(target)) onSend(target);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target instanceof Element ? closestOf(event.target, LINKEDIN.composer) : null;
      if (target && event.key === 'Enter' && !event.shiftKey && composerHasText(target)) onSend(target);
    },
    { capture: true, signal },
  );
}
