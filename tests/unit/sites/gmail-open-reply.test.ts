import { describe, expect, it, vi } from 'vitest';
import { gmailReplyControl, openGmailReply } from '../../../entrypoints/gmail.content/open-reply';
import { GMAIL, type GmailSelectorName } from '../../../sites/gmail/selectors';
import { queryAllFirst } from '../../../sites/shared/query';
import { loadFixture } from './load-fixture';

const THREAD_A = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC';
const FIXTURES = {
  reply: 'gmail/thread-reply.html',
  thread: 'gmail/thread.html',
  inbox: 'gmail/inbox.html',
  popout: 'gmail/compose-popout.html',
} as const;
type FixtureName = keyof typeof FIXTURES;
const open = (name: FixtureName) => loadFixture(FIXTURES[name], THREAD_A).document;

const EXPECTED_COUNTS: Partial<Record<GmailSelectorName, Partial<Record<FixtureName, number>>>> = {
  // One per expanded message header.
  messageReply: { reply: 2, thread: 0, inbox: 0, popout: 0 },
  // The bar under the newest message, and its hidden copy inside a table.
  threadReply: { reply: 2, thread: 0, inbox: 0, popout: 1 },
};

describe('Gmail reply selectors against the fixtures', () => {
  for (const [selector, counts] of Object.entries(EXPECTED_COUNTS)) {
    for (const [fixture, count] of Object.entries(counts)) {
      it(`${selector} matches ${count} in ${fixture}`, () => {
        expect(
          queryAllFirst(open(fixture as FixtureName), GMAIL[selector as GmailSelectorName]),
        ).toHaveLength(count);
      });
    }
  }
});

/** Records the mouse events each element of the page receives, in order. */
function recordMouse(document: Document) {
  const seen: { type: string; target: Element; bubbles: boolean; button: number }[] = [];
  for (const type of ['mousedown', 'mouseup', 'click', 'mouseleave', 'mouseout']) {
    document.addEventListener(
      type,
      (event) =>
        seen.push({
          type,
          target: event.target as Element,
          bubbles: event.bubbles,
          button: (event as MouseEvent).button,
        }),
      true,
    );
  }
  return seen;
}

describe('opening Gmail’s own reply on the thread', () => {
  it('presses Reply in the newest message’s header the way Gmail’s buttons expect: mousedown, mouseup, click', () => {
    const document = open('reply');
    const seen = recordMouse(document);
    const newest = document.querySelectorAll('[role=listitem]')[3]!;
    const button = newest.querySelector('div[role=button].aaq')!;
    expect(openGmailReply(document)).toBe(true);
    expect(seen.map((e) => e.type)).toEqual([
      'mousedown',
      'mouseup',
      'click',
      'mouseleave',
      'mouseout',
    ]);
    expect(seen.every((e) => e.target === button && e.bubbles && e.button === 0)).toBe(true);
  });

  it('never presses the Reply of an older message, even when the newest one is collapsed', () => {
    const document = open('reply');
    // The rep collapsed the newest message: its header shows no buttons.
    document.querySelectorAll('[role=listitem]')[3]!.querySelector('td.acX')!.remove();
    const control = gmailReplyControl(document);
    expect(control?.matches('span.ams.bkH[role=link]')).toBe(true);
    expect(control?.closest('table')).toBeNull();
    const seen = recordMouse(document);
    expect(openGmailReply(document)).toBe(true);
    expect(seen.filter((e) => e.type === 'click').map((e) => e.target)).toEqual([control]);
  });

  it('uses the Reply link under the thread when no header shows one, skipping the hidden copy', () => {
    const document = open('popout');
    const link = document.querySelector('.ip .amn .bkH')!;
    expect(gmailReplyControl(document)).toBe(link);
    const reply = open('reply');
    reply.querySelectorAll('td.acX').forEach((cell) => cell.remove());
    expect(gmailReplyControl(reply)?.parentElement?.parentElement?.matches('.ip')).toBe(true);
  });

  it('clicks nothing and says so when the page has no reply control', () => {
    for (const name of ['thread', 'inbox'] as const) {
      const document = open(name);
      const seen = recordMouse(document);
      expect(openGmailReply(document), name).toBe(false);
      expect(seen, name).toEqual([]);
    }
  });

  it('does not throw into the page when an event handler of Gmail’s does', () => {
    const document = open('reply');
    document.addEventListener('mousedown', () => {
      throw new Error('Gmail broke');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => openGmailReply(document)).not.toThrow();
    warn.mockRestore();
  });
});
