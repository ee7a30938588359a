import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchLinkedInSends } from '../../../sites/linkedin/watch-sends';

/** Puts a saved page into the test's document, as LinkedIn would have rendered it. */
function show(fixture: string) {
  const saved = new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/linkedin/${fixture}`, 'utf8'),
    'text/html',
  );
  document.body.replaceChildren(
    ...Array.from(saved.body.childNodes, (n) => document.importNode(n, true)),
  );
}

/** What LinkedIn does when a message goes out: a new event of the signed-in member's in the list. */
function appendMessage(root: Element, urn: string, other = false) {
  const li = document.createElement('li');
  li.className = 'msg-s-message-list__event clearfix';
  const item = document.createElement('div');
  item.className = `msg-s-event-listitem${other ? ' msg-s-event-listitem--other' : ''}`;
  item.setAttribute('data-event-urn', urn);
  li.append(item);
  root.querySelector('ul.msg-s-message-list-content')!.append(li);
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sends on LinkedIn, whatever the Enter setting', () => {
  let controller: AbortController;
  let sent: [Element, string][];
  beforeEach(() => {
    controller = new AbortController();
    sent = [];
  });
  afterEach(() => controller.abort());

  const type = (composer: Element, text: string) => {
    composer.textContent = text;
  };
  const enter = (composer: Element, shiftKey = false) =>
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true }));

  it('counts a send when the rep’s new message appears after Enter, once', async () => {
    show('messaging-member-ids.html');
    watchLinkedInSends(controller.signal, (container, id) => sent.push([container, id]));
    const thread = document.querySelector('.msg-thread')!;
    const composer = thread.querySelector('.msg-form__contenteditable')!;
    type(composer, 'See you Thursday!');
    enter(composer);
    appendMessage(
      thread,
      'urn:li:msg_message:(urn:li:fsd_profile:ACoAABh5Xn7Ct2Mw9Qz4Ry8Lp3Vk6Jd1Sg0Fu2e,2-bmV3)',
    );
    await settle();
    expect(sent).toEqual([
      [
        thread,
        'urn:li:msg_message:(urn:li:fsd_profile:ACoAABh5Xn7Ct2Mw9Qz4Ry8Lp3Vk6Jd1Sg0Fu2e,2-bmV3)',
      ],
    ]);
  });

  it('leaves nothing behind for an Enter that only made a new line (Enter-to-send off)', async () => {
    show('messaging-enter-off.html');
    watchLinkedInSends(controller.signal, (container, id) => sent.push([container, id]), 50);
    const thread = document.querySelector('.msg-thread')!;
    const composer = thread.querySelector('.msg-form__contenteditable')!;
    type(composer, 'First line');
    enter(composer);
    await settle(80);
    // A message from the other person, or one appearing after the window, is not the rep's send.
    appendMessage(thread, 'urn:li:msg_message:(x,2-aW5ib3VuZA==)', true);
    appendMessage(thread, 'urn:li:msg_message:(x,2-bGF0ZQ==)');
    await settle();
    expect(sent).toEqual([]);
    // Send, clicked, sends (LinkedIn enables it once the composer holds text).
    const send = thread.querySelector<HTMLButtonElement>('button.msg-form__send-button')!;
    send.disabled = false;
    send.click();
    appendMessage(thread, 'urn:li:msg_message:(x,2-Y2xpY2s=)');
    await settle();
    expect(sent.map(([, id]) => id)).toEqual(['urn:li:msg_message:(x,2-Y2xpY2s=)']);
  });

  it('takes neither Shift+Enter nor a press in an empty composer for a send', async () => {
    show('messaging-member-ids.html');
    watchLinkedInSends(controller.signal, (container, id) => sent.push([container, id]));
    const thread = document.querySelector('.msg-thread')!;
    const composer = thread.querySelector('.msg-form__contenteditable')!;
    enter(composer);
    type(composer, 'Two lines');
    enter(composer, true);
    appendMessage(thread, 'urn:li:msg_message:(x,2-c2hpZnQ=)');
    await settle();
    expect(sent).toEqual([]);
  });

  it('tells a chat bubble’s send by its bubble', async () => {
    show('overlay-member-id.html');
    watchLinkedInSends(controller.signal, (container, id) => sent.push([container, id]));
    const bubble = document.querySelector('.msg-overlay-conversation-bubble')!;
    type(bubble.querySelector('.msg-form__contenteditable')!, 'Template attached.');
    bubble.querySelector<HTMLButtonElement>('button.msg-form__send-button')!.click();
    appendMessage(bubble, 'urn:li:msg_message:(x,2-YnViYmxl)');
    await settle();
    expect(sent).toEqual([[bubble, 'urn:li:msg_message:(x,2-YnViYmxl)']]);
  });
});
