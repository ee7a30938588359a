import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openView, type Extension } from './harness';

/**
 * Plays LinkedIn's own composer in a fixture page (run in the page with page.evaluate): Send
 * enables once the composer holds text; a send puts the rep's message into the conversation
 * with a new event urn (its short id "2-<base64 of '<ms>b<digits>-100&<conversation>'>", as
 * LinkedIn writes them) and empties the composer. `enter`: Enter sends (LinkedIn's "Press Enter
 * to Send"); `click`: Enter makes a new line and only Send sends ("Click Send").
 */
export function playLinkedInSends(mode: string): void {
  for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form.msg-form'))) {
    const composer = form.querySelector<HTMLElement>('.msg-form__contenteditable')!;
    const button = form.querySelector<HTMLButtonElement>('button.msg-form__send-button');
    const root = form.closest('.msg-overlay-conversation-bubble, .msg-thread')!;
    const send = () => {
      if (!composer.textContent?.trim()) return;
      // The conversation the new message belongs to: as the others' urns say, or the address.
      const existing = root.querySelector('[data-event-urn]')?.getAttribute('data-event-urn') ?? '';
      const decode = (base64: string | undefined) => {
        try {
          return base64 ? atob(base64) : '';
        } catch {
          return '';
        }
      };
      const conversation =
        decode(existing.match(/2-([\w+/=-]+)\)$/)?.[1]).split('&')[1] ||
        (root.matches('.msg-thread') &&
          decode(location.pathname.match(/^\/messaging\/thread\/2-([^/]+)/)?.[1])) ||
        'new_100';
      const li = document.createElement('li');
      li.className = 'msg-s-message-list__event clearfix';
      const item = document.createElement('div');
      item.className = 'msg-s-event-listitem';
      item.setAttribute(
        'data-event-urn',
        `urn:li:msg_message:(urn:li:fsd_profile:ACoAABh5Xn7Ct2Mw9Qz4Ry8Lp3Vk6Jd1Sg0Fu2e,2-${btoa(`${Date.now()}b${Math.floor(Math.random() * 90_000) + 10_000}-100&${conversation}`)})`,
      );
      const body = document.createElement('p');
      body.className = 'msg-s-event-listitem__body';
      body.textContent = composer.textContent;
      item.append(body);
      li.append(item);
      const list = root.querySelector('ul.msg-s-message-list-content')!;
      list.insertBefore(
        li,
        list.querySelector('.msg-s-message-list__typing-indicator-container--without-seen-receipt'),
      );
      composer.replaceChildren(document.createElement('p'));
      if (button) button.disabled = true;
    };
    composer.addEventListener(
      'input',
      () => button && (button.disabled = !composer.textContent?.trim()),
    );
    composer.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey) return;
      event.preventDefault();
      if (mode === 'enter') send();
      else composer.append(document.createElement('br'));
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send();
    });
  }
}

/**
 * A switch of conversation as LinkedIn does it: the address changes at once, the previous
 * conversation's pane stays on the page for `lingerMs`, then the next one's markup replaces it.
 * Our panel's host element stays, as it would on the real site.
 */
export async function switchConversation(
  page: Page,
  path: string,
  fixturePath: string,
  lingerMs: number,
): Promise<void> {
  const html = readFileSync(`tests/fixtures/${fixturePath}`, 'utf8');
  await page.evaluate(
    async ({ path, html, lingerMs }) => {
      history.pushState({}, '', path);
      await new Promise((resolve) => setTimeout(resolve, lingerMs));
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.title = next.title;
      const host = document.querySelector('threadline-panel');
      document.body.replaceChildren(
        ...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)),
      );
      if (host) document.body.append(host);
    },
    { path, html, lingerMs },
  );
}

/** Turns on, in Settings as the rep does, linking a conversation by itself to the person's deal. */
export async function turnOnAutoLink(ext: Extension): Promise<void> {
  const dashboard = await ext.extensionPage('dashboard.html');
  await openView(dashboard, 'settings');
  await dashboard
    .getByLabel('Link a LinkedIn conversation by itself to the open deal of the person it is with')
    .check();
  await dashboard.close();
}
