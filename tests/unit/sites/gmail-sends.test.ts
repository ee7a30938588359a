import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readGmailThread } from '../../../sites/gmail/read-thread';
import { GMAIL, type GmailSelectorName } from '../../../sites/gmail/selectors';
import { composeFormOf, draftOf, watchSends } from '../../../sites/gmail/watch-sends';
import { queryAllFirst } from '../../../sites/shared/query';
import { loadFixture } from './load-fixture';

const THREAD_A = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC';
const FIXTURES = {
  compose: 'gmail/compose.html',
  inline: 'gmail/compose-send-options.html',
  popout: 'gmail/compose-popout.html',
  thread: 'gmail/thread.html',
} as const;
type FixtureName = keyof typeof FIXTURES;
const open = (name: FixtureName) => loadFixture(FIXTURES[name], THREAD_A).document;

// How many elements each selector list the send watcher uses matches in each compose fixture.
const EXPECTED_COUNTS: Partial<Record<GmailSelectorName, Partial<Record<FixtureName, number>>>> = {
  composeWindow: { compose: 1, inline: 1, popout: 1, thread: 0 },
  composeForm: { compose: 2, inline: 1, popout: 1, thread: 0 },
  composeDraft: { compose: 2, inline: 1, popout: 1, thread: 0 },
  composeBody: { compose: 2, inline: 1, popout: 1, thread: 0 },
  sendButton: { compose: 2, inline: 1, popout: 1, thread: 0 },
  sendAndArchiveButton: { compose: 0, inline: 1, popout: 1, thread: 0 },
  scheduleSend: { compose: 0, inline: 1, popout: 0, thread: 0 },
  undoSend: { compose: 0, inline: 0, popout: 0, thread: 0 },
};

describe('send selectors against the compose fixtures', () => {
  for (const [selector, counts] of Object.entries(EXPECTED_COUNTS)) {
    for (const [fixture, count] of Object.entries(counts)) {
      it(`${selector} matches ${count} in ${fixture}`, () => {
        expect(
          queryAllFirst(open(fixture as FixtureName), GMAIL[selector as GmailSelectorName]),
        ).toHaveLength(count);
      });
    }
  }

  it('reads the same conversation under an open or popped-out reply as under the plain compose page', () => {
    const expected = readGmailThread(open('compose'), new URL(THREAD_A));
    expect(expected.kind).toBe('thread');
    expect(readGmailThread(open('inline'), new URL(THREAD_A))).toEqual(expected);
    expect(readGmailThread(open('popout'), new URL(THREAD_A))).toEqual(expected);
  });

  it('finds the form of a compose window from any of its elements, in or beside the form', () => {
    const doc = open('popout');
    const form = doc.querySelector('[role=dialog] form')!;
    for (const selector of [
      'input[name=subjectbox]',
      '.anm input',
      '[g_editable=true]',
      '.T-I.aoO',
      'h2.a3E',
      'img.Ha',
      '.ajR',
    ]) {
      expect(composeFormOf(doc.querySelector(selector)!), selector).toBe(form);
    }
    expect(composeFormOf(doc.querySelector('input[name=q]')!)).toBeNull();
    expect(composeFormOf(doc.querySelector('h2.hP')!)).toBeNull();
  });

  it('reads a draft id, and no id before the first autosave', () => {
    const doc = open('compose');
    const [reply] = queryAllFirst(doc, GMAIL.composeForm);
    expect(draftOf(reply!)).toBe('#msg-a:r-4589231123');
    for (const value of ['undefined', 'null', '', ' ']) {
      reply!.querySelector('input[name=draft]')!.setAttribute('value', value);
      expect(draftOf(reply!), JSON.stringify(value)).toBeNull();
    }
  });
});

/** Watches a fixture page for sends, recording what it reports. */
function watch(name: FixtureName) {
  const document = open(name);
  const controller = new AbortController();
  const sends: { key: string; form: Element }[] = [];
  const cancels: string[] = [];
  watchSends(
    controller.signal,
    { onSend: (key, form) => sends.push({ key, form }), onCancel: (key) => cancels.push(key) },
    document,
  );
  const $ = (selector: string, root: ParentNode = document) => {
    const found = root.querySelector(selector);
    if (!found) throw new Error(`no ${selector} in ${name}`);
    return found;
  };
  return { document, controller, sends, cancels, $, keys: () => sends.map((s) => s.key) };
}

const mouse = (el: Element, type: string, button = 0) =>
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button }));
/** A real click: mousedown, mouseup and click, as a browser fires them. */
const click = (el: Element, button = 0) =>
  ['mousedown', 'mouseup', 'click'].forEach((type) => mouse(el, type, button));
const key = (el: Element, key: string, mods: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
/** Gmail's part of a send: the compose window goes, the toast with Undo comes. */
function gmailSends(document: Document, window: Element) {
  window.remove();
  const toast = document.createElement('div');
  toast.className = 'b8 UC';
  toast.setAttribute('role', 'alert');
  const undo = document.createElement('span');
  undo.id = 'link_undo';
  undo.setAttribute('role', 'link');
  undo.tabIndex = 0;
  undo.textContent = 'Undo';
  toast.append(undo);
  document.body.append(toast);
  return undo;
}

describe('every way of sending in Gmail, counted once', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts a click on Send once: mousedown, mouseup and click are one gesture', () => {
    const w = watch('compose');
    const form = w.$('.M9 form');
    click(w.$('.T-I.aoO', w.$('.M9')));
    expect(w.sends).toEqual([{ key: '#msg-a:r-4589231123', form }]);
  });

  it('counts a click() alone (another extension sending for the rep) and a double click once', () => {
    const w = watch('compose');
    mouse(w.$('.M9 .T-I.aoO'), 'click');
    expect(w.keys()).toEqual(['#msg-a:r-4589231123']);
    const v = watch('popout');
    const send = v.$('.T-I.aoO');
    click(send);
    click(send);
    expect(v.keys()).toEqual(['#msg-a:r-5550000001']);
  });

  it('counts Send & Archive', () => {
    const w = watch('inline');
    click(w.$('.T-I.Uo'));
    expect(w.sends).toHaveLength(1);
    expect(w.sends[0]!.form).toBe(w.$('.M9 form'));
  });

  it.each([
    ['the subject', 'input[name=subjectbox]'],
    ['a recipient field', '.anm input'],
    ['a recipient chip', '.afV'],
    ['the body, beside the form', '[g_editable=true]'],
    ['the window’s title bar, outside the form', 'h2.a3E'],
    ['“Show trimmed content”', '.ajR'],
    ['the Send button', '.T-I.aoO'],
  ])('counts Ctrl+Enter in %s of a popped-out compose once', (_, selector) => {
    const w = watch('popout');
    const target = w.$(selector);
    key(target, 'Enter', { ctrlKey: true });
    key(target, 'Enter', { ctrlKey: true });
    expect(w.keys()).toEqual(['#msg-a:r-5550000001']);
  });

  it('counts ⌘+Enter on a Mac, and Ctrl+Enter in an inline reply and a new message', () => {
    const w = watch('inline');
    key(w.$('[g_editable=true]'), 'Enter', { metaKey: true });
    expect(w.sends).toHaveLength(1);
    const v = watch('compose');
    key(v.$('[role=dialog] input[name=subjectbox]'), 'Enter', { ctrlKey: true });
    key(v.$('.M9 [g_editable=true]'), 'Enter', { ctrlKey: true });
    expect(v.keys()).toEqual(['#msg-a:r-7000000001', '#msg-a:r-4589231123']);
  });

  it.each([['Enter'], [' '], ['Spacebar']])('counts %j on the focused Send once', (name) => {
    const w = watch('popout');
    key(w.$('.T-I.aoO'), name);
    expect(w.keys()).toEqual(['#msg-a:r-5550000001']);
  });

  it('counts a key Gmail also turns into a click once, and a held key once', () => {
    const w = watch('popout');
    const send = w.$('.T-I.aoO');
    key(send, 'Enter');
    click(send);
    key(send, 'Enter', { repeat: true });
    vi.advanceTimersByTime(200);
    key(send, ' ');
    expect(w.sends).toHaveLength(1);
  });

  it('does not count what does not send: Enter in the body, Alt+Enter, other buttons, a right click, typing a space', () => {
    const w = watch('popout');
    key(w.$('[g_editable=true]'), 'Enter');
    key(w.$('[g_editable=true]'), 'Enter', { shiftKey: true });
    key(w.$('input[name=subjectbox]'), ' ');
    key(w.$('.T-I.aoO'), 'Enter', { altKey: true });
    key(w.$('.ajR'), 'Enter');
    click(w.$('.ajR'));
    click(w.$('[aria-label="Attach files"]'));
    click(w.$('img.Ha'));
    click(w.$('.T-I.aoO'), 2);
    key(w.$('input[name=q]'), 'Enter', { ctrlKey: true });
    key(w.$('.T-I.aoO'), 'Enter', { isComposing: true });
    expect(w.sends).toEqual([]);
  });

  it('does not count Schedule send: the arrow, the menu, its item by mouse or key, or the schedule dialog', () => {
    const w = watch('inline');
    const arrow = w.$('.T-I.hG');
    click(arrow);
    key(arrow, 'Enter');
    key(arrow, ' ');
    const item = w.$('[selector=scheduledSend]');
    click(item);
    click(w.$('.J-N-Jz', item));
    key(item, 'Enter');
    key(item, 'Enter', { ctrlKey: true });
    // Gmail then asks when, in a dialog of its own: no compose form in it.
    const dialog = w.document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const preset = w.document.createElement('div');
    preset.setAttribute('role', 'menuitem');
    preset.className = 'Az';
    dialog.append(preset);
    w.document.body.append(dialog);
    click(preset);
    key(preset, 'Enter');
    key(preset, 'Enter', { ctrlKey: true });
    expect(w.sends).toEqual([]);
  });

  it('does not count the menu item either when the menu sits inside the compose window', () => {
    const w = watch('inline');
    const menu = w.$('[role=menu]');
    w.$('.M9').append(menu);
    click(w.$('[selector=scheduledSend]'));
    key(w.$('[selector=scheduledSend]'), 'Enter');
    expect(w.sends).toEqual([]);
  });

  it('gives a form whose draft is not saved yet a key of its own, kept for its repeat events, never shared', () => {
    const w = watch('compose');
    const [reply, message] = queryAllFirst(w.document, GMAIL.composeForm);
    reply!.querySelector('input[name=draft]')!.setAttribute('value', 'undefined');
    message!.querySelector('input[name=draft]')!.setAttribute('value', 'null');
    click(w.$('.T-I.aoO', w.$('.M9')));
    key(w.$('.M9 [g_editable=true]'), 'Enter', { ctrlKey: true });
    click(w.$('[role=dialog] .T-I.aoO'));
    expect(w.sends.map((s) => s.form)).toEqual([reply, message]);
    const [first, second] = w.keys();
    expect(first).toMatch(/^unsaved-/);
    expect(second).toMatch(/^unsaved-/);
    expect(first).not.toBe(second);
    // The same form again later (the first attempt failed): the same key, so one touch.
    vi.advanceTimersByTime(3_000);
    click(w.$('.T-I.aoO', w.$('.M9')));
    expect(w.keys()).toEqual([first, second, first]);
    expect(w.cancels).toEqual([]);
  });

  it('gives two quick sends before the first autosave two keys, and Undo takes back the second only', () => {
    const w = watch('inline');
    w.$('input[name=draft]').setAttribute('value', 'undefined');
    const firstWindow = w.$('.M9');
    const secondWindow = firstWindow.cloneNode(true) as Element;
    click(w.$('.T-I.aoO', firstWindow));
    gmailSends(w.document, firstWindow);
    // Gmail opens the next reply at once; its draft is not saved yet either.
    w.document.querySelector('.ip')!.append(secondWindow);
    vi.advanceTimersByTime(700);
    key(w.$('.T-I.aoO', secondWindow), ' ');
    const undo = gmailSends(w.document, secondWindow);
    expect(w.sends).toHaveLength(2);
    expect(w.keys()[0]).not.toBe(w.keys()[1]);
    click(undo);
    expect(w.cancels).toEqual([w.keys()[1]]);
    vi.advanceTimersByTime(10_000);
    expect(w.cancels).toEqual([w.keys()[1]]);
  });

  it('takes a send back on Undo by click or by key, once', () => {
    const w = watch('popout');
    click(w.$('.T-I.aoO'));
    const undo = gmailSends(w.document, w.$('[role=dialog]'));
    key(undo, 'Enter');
    click(undo);
    expect(w.cancels).toEqual(['#msg-a:r-5550000001']);
  });

  it('leaves a send alone when the Undo clicked is a later one’s: too late for it, or a scheduled send’s', () => {
    const w = watch('popout');
    click(w.$('.T-I.aoO'));
    const undo = gmailSends(w.document, w.$('[role=dialog]'));
    vi.advanceTimersByTime(40_000);
    click(undo);
    expect(w.cancels).toEqual([]);

    const v = watch('compose');
    click(v.$('[role=dialog] .T-I.aoO'));
    const toast = gmailSends(v.document, v.$('[role=dialog]'));
    // Within seconds, the rep schedules the reply, and undoes that.
    const menu = open('inline').querySelector('[role=menu]')!;
    v.document.body.append(v.document.importNode(menu, true));
    click(v.$('.M9 .T-I.hG'));
    click(v.$('[selector=scheduledSend]'));
    v.$('.M9').remove();
    click(toast);
    expect(v.sends).toHaveLength(1);
    expect(v.cancels).toEqual([]);
  });

  it('takes a send back when its form is still on the page 8 seconds later', () => {
    const w = watch('popout');
    click(w.$('.T-I.aoO'));
    vi.advanceTimersByTime(7_900);
    expect(w.cancels).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(w.cancels).toEqual(['#msg-a:r-5550000001']);

    const v = watch('inline');
    click(v.$('.T-I.aoO'));
    // Gmail autosaves the draft meanwhile; the form never went.
    v.$('input[name=draft]').setAttribute('value', '#msg-a:r-6660000001');
    vi.advanceTimersByTime(8_000);
    expect(v.cancels).toEqual([v.keys()[0]]);

    const sent = watch('popout');
    click(sent.$('.T-I.aoO'));
    sent.$('[role=dialog]').remove();
    vi.advanceTimersByTime(8_000);
    expect(sent.cancels).toEqual([]);
  });

  it('replaces a failed attempt when the same form is sent again under its saved draft id', () => {
    const w = watch('inline');
    click(w.$('.T-I.aoO'));
    const [unsaved] = w.keys();
    vi.advanceTimersByTime(3_000);
    w.$('input[name=draft]').setAttribute('value', '#msg-a:r-6660000001');
    key(w.$('[g_editable=true]'), 'Enter', { ctrlKey: true });
    gmailSends(w.document, w.$('.M9'));
    vi.advanceTimersByTime(10_000);
    expect(w.keys()).toEqual([unsaved, '#msg-a:r-6660000001']);
    expect(w.cancels).toEqual([unsaved]);
  });

  it('stops when aborted', () => {
    const w = watch('popout');
    w.controller.abort();
    click(w.$('.T-I.aoO'));
    key(w.$('[g_editable=true]'), 'Enter', { ctrlKey: true });
    expect(w.sends).toEqual([]);
  });
});
