import { closestOf, queryAllFirst, queryFirst } from '../shared/query';
import { GMAIL } from './selectors';

export interface SendEvents {
  /**
   * The rep sent a compose form: Send or Send & Archive clicked, Enter or Space on a focused
   * Send, or Ctrl/⌘+Enter anywhere in the compose window. `key` is the form's draft id, or an
   * id of its own while Gmail has not saved the draft yet. Called once per send.
   */
  onSend(key: string, form: Element): void;
  /** The send did not happen after all: Undo was clicked, or the form stayed open. */
  onCancel(key: string): void;
}

/** How long Gmail may take to close a compose form that was really sent. */
const SENT_CONFIRM_MS = 8_000;
/**
 * Events of one gesture are one send: mouseup and click on Send, a key Gmail also turns into
 * a click, a double click. Gmail closes a sent form well within this.
 */
const SAME_SEND_MS = 1_500;
/** Gmail offers Undo for at most 30 seconds after a send: a later Undo is for something else. */
const UNDO_WINDOW_MS = 35_000;

interface Sent {
  key: string;
  form: Element;
  /** The draft id when it was sent, or null before Gmail's first autosave. */
  draft: string | null;
  at: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Notices sends without reading any UI text (Gmail speaks Turkish and Finnish too), each
 * exactly once: a click on Send (or Send & Archive), Enter or Space on a focused Send, and
 * Ctrl/⌘+Enter from any element of a compose window (InboxSDK's getPresendingStream.ts
 * listens for the same three). "Schedule send" sends nothing now and is not counted: the
 * message is counted when it shows in the thread. Undo in Gmail's toast takes a send back.
 */
export function watchSends(
  signal: AbortSignal,
  events: SendEvents,
  root: Document = document,
): void {
  const { send, undo, scheduled } = sendLedger(signal, events);
  const sendFrom = (from: Element) => {
    const form = composeFormOf(from);
    if (form) send(form);
  };
  /** The Send button a mouse button went down on: its mouseup there sends. */
  let pressed: Element | null = null;
  const listen = <K extends 'mousedown' | 'mouseup' | 'click' | 'keydown'>(
    type: K,
    handler: (event: DocumentEventMap[K], target: Element) => void,
  ) => listenSafely(root, signal, type, handler);

  listen('mousedown', (event, target) => {
    pressed = event.button === 0 ? sendControl(target) : null;
  });
  listen('mouseup', (event, target) => {
    const control = pressed;
    pressed = null;
    if (control && event.button === 0 && control.contains(target)) sendFrom(control);
  });
  listen('click', (event, target) => {
    if (event.button !== 0) return;
    const control = sendControl(target);
    if (control) return sendFrom(control);
    if (closestOf(target, GMAIL.scheduleSend)) return scheduled();
    if (closestOf(target, GMAIL.undoSend)) undo();
  });
  listen('keydown', (event, target) => {
    if (event.isComposing || event.repeat) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      if (!closestOf(target, GMAIL.scheduleSend)) sendFrom(target);
      return;
    }
    const activates = event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
    if (!activates || event.ctrlKey || event.metaKey || event.altKey) return;
    const control = sendControl(target);
    if (control) return sendFrom(control);
    if (closestOf(target, GMAIL.scheduleSend)) return scheduled();
    if (closestOf(target, GMAIL.undoSend)) undo();
  });
}

/**
 * The sends of one page: each once (the events of one gesture are one send), confirmed when
 * Gmail closes the form, taken back by Undo or by a form that stays open.
 */
function sendLedger(signal: AbortSignal, events: SendEvents) {
  /** A key for each form whose draft has no id yet, so two such forms never share one. */
  const ownKeys = new WeakMap<Element, string>();
  const lastOfForm = new WeakMap<Element, Sent>();
  let last: Sent | null = null;

  const keyOf = (form: Element, draft: string | null): string => {
    if (draft) return draft;
    let own = ownKeys.get(form);
    if (!own) ownKeys.set(form, (own = `unsaved-${randomId()}`));
    return own;
  };

  const confirm = (sent: Sent) => {
    if (lastOfForm.get(sent.form) === sent) lastOfForm.delete(sent.form);
    if (signal.aborted) return;
    // A form still on the page was not sent (no recipient, an error): the same draft, or one
    // that had no id when Send was pressed and got one since.
    if (sent.form.isConnected && (sent.draft === null || draftOf(sent.form) === sent.draft)) {
      if (last === sent) last = null;
      events.onCancel(sent.key);
    }
  };

  const send = (form: Element) => {
    const at = Date.now();
    const previous = lastOfForm.get(form);
    if (previous && at - previous.at < SAME_SEND_MS) return;
    const draft = draftOf(form);
    const key = keyOf(form, draft);
    if (previous) {
      // The same form sent again: the earlier attempt did not go out (the form would be gone).
      clearTimeout(previous.timer);
      if (previous.key !== key) events.onCancel(previous.key);
    }
    const sent: Sent = {
      key,
      form,
      draft,
      at,
      timer: setTimeout(() => confirm(sent), SENT_CONFIRM_MS),
    };
    lastOfForm.set(form, sent);
    last = sent;
    events.onSend(key, form);
  };

  const undo = () => {
    const sent = last;
    last = null;
    if (!sent || Date.now() - sent.at > UNDO_WINDOW_MS) return;
    clearTimeout(sent.timer);
    if (lastOfForm.get(sent.form) === sent) lastOfForm.delete(sent.form);
    events.onCancel(sent.key);
  };

  /** Schedule send: nothing goes now, and the toast's Undo that follows is the schedule's. */
  const scheduled = () => {
    last = null;
  };

  return { send, undo, scheduled };
}

/** Listens on `root` in the capture phase; what goes wrong is a warning, never Gmail's error. */
function listenSafely<K extends 'mousedown' | 'mouseup' | 'click' | 'keydown'>(
  root: Document,
  signal: AbortSignal,
  type: K,
  handler: (event: DocumentEventMap[K], target: Element) => void,
): void {
  root.addEventListener(
    type,
    (event) => {
      const target = asElement(event.target);
      if (!target) return;
      try {
        handler(event, target);
      } catch (error) {
        // Never into Gmail's page.
        console.warn('Threadline: a send could not be read', error);
      }
    },
    { capture: true, signal },
  );
}

/** Send or Send & Archive at or around `target` (never the arrow beside them). */
function sendControl(target: Element): Element | null {
  return closestOf(target, GMAIL.sendButton) ?? closestOf(target, GMAIL.sendAndArchiveButton);
}

/**
 * The compose form `from` belongs to: the form around it, or the one form of the compose
 * window around it (Gmail keeps the body and Send beside the form, not in it). Only a form
 * with a draft field is a compose form.
 */
export function composeFormOf(from: Element): Element | null {
  const around = closestOf(from, GMAIL.composeForm);
  if (around && isComposeForm(around)) return around;
  for (let box = closestOf(from, GMAIL.composeWindow); box;) {
    const forms = queryAllFirst(box, GMAIL.composeForm).filter(isComposeForm);
    if (forms.length === 1) return forms[0]!;
    if (forms.length > 1) return null;
    const outer: Element | null = box.parentElement;
    box = outer && closestOf(outer, GMAIL.composeWindow);
  }
  return null;
}

function isComposeForm(form: Element): boolean {
  return queryFirst(form, GMAIL.composeDraft) !== null;
}

/** The draft id of a compose form; null before Gmail's first autosave ("undefined", "null", ""). */
export function draftOf(form: Element): string | null {
  const input = queryFirst(form, GMAIL.composeDraft);
  if (!input) return null;
  const value = (
    'value' in input
      ? String((input as HTMLInputElement).value)
      : (input.getAttribute('value') ?? '')
  ).trim();
  return value === '' || value === 'undefined' || value === 'null' ? null : value;
}

function asElement(target: EventTarget | null): Element | null {
  return target !== null && typeof (target as Element).closest === 'function'
    ? (target as Element)
    : null;
}

function randomId(): string {
  const crypto = globalThis.crypto;
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
