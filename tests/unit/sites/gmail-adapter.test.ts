import { describe, expect, it } from 'vitest';
import { readGmailAccount } from '../../../sites/gmail/read-account';
import { readGmailList } from '../../../sites/gmail/read-list';
import { readGmailThread } from '../../../sites/gmail/read-thread';
import { readGmailProspectWords } from '../../../sites/gmail/read-words';
import { GMAIL, GMAIL_PRINT, type GmailSelectorName } from '../../../sites/gmail/selectors';
import { queryAllFirst, queryFirst } from '../../../sites/shared/query';
import { loadFixture } from './load-fixture';
import { undatedFallbacks } from './selector-notes';

type GmailPrintSelectorName = keyof typeof GMAIL_PRINT;

const U0 = 'https://mail.google.com/mail/u/0/';
const THREAD_A = `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC`;
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).getTime();

const FIXTURES = {
  inbox: ['gmail/inbox.html', `${U0}#inbox`],
  thread: ['gmail/thread.html', THREAD_A],
  dark: ['gmail/thread-dark.html', THREAD_A],
  compose: ['gmail/compose.html', THREAD_A],
  readingPane: ['gmail/reading-pane.html', THREAD_A],
  threadB: ['gmail/thread-b.html', `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkD`],
  account1: [
    'gmail/account-1.html',
    'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkH',
  ],
  turkish: ['gmail/thread-tr.html', THREAD_A],
  hostile: ['gmail/hostile.html', `${U0}#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkF`],
  changed: ['gmail/not-gmail.html', THREAD_A],
  german: ['gmail/thread-de.html', THREAD_A],
  japanese: ['gmail/thread-ja.html', THREAD_A],
  justStarted: ['gmail/thread-just-started.html', `${U0}#sent/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkJ`],
  longThread: [
    'gmail/long-thread.html',
    `${U0}#label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC`,
  ],
  longExpanded: [
    'gmail/long-thread-expanded.html',
    `${U0}#label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC`,
  ],
  reply: ['gmail/thread-reply.html', THREAD_A],
  popout: ['gmail/compose-popout.html', THREAD_A],
  sendOptions: ['gmail/compose-send-options.html', THREAD_A],
  toast: ['gmail/after-send/toast.html', THREAD_A],
} as const;
type FixtureName = keyof typeof FIXTURES;
const open = (name: FixtureName) => loadFixture(FIXTURES[name][0], FIXTURES[name][1]);

// How many elements each selector list should match in each fixture (counted in the whole
// page; selectors.ts notes the root each is queried from). A Gmail redesign that moves one of
// them shows up here first. Every selector has an entry (the type says so) with at least one
// page where it matches (a test below says so).
const EXPECTED_COUNTS: Record<GmailSelectorName, Partial<Record<FixtureName, number>>> = {
  main: {
    inbox: 1,
    thread: 1,
    dark: 1,
    compose: 1,
    readingPane: 1,
    account1: 1,
    turkish: 1,
    changed: 1,
  },
  subject: {
    longThread: 1,
    inbox: 0,
    thread: 1,
    dark: 1,
    compose: 1,
    readingPane: 1,
    threadB: 1,
    turkish: 1,
    changed: 0,
  },
  messageItem: {
    inbox: 0,
    thread: 4,
    dark: 4,
    readingPane: 4,
    threadB: 2,
    account1: 2,
    turkish: 4,
    hostile: 2,
    changed: 0,
    longThread: 30,
    longExpanded: 30,
  },
  hiddenMessage: { thread: 0, longThread: 25, longExpanded: 0 },
  hiddenCount: { thread: 0, longThread: 1, longExpanded: 0 },
  messageId: { thread: 2, longThread: 1, longExpanded: 30 },
  date: {
    thread: 4,
    dark: 4,
    threadB: 2,
    turkish: 4,
    german: 4,
    japanese: 4,
    justStarted: 1,
    longThread: 5,
    longExpanded: 30,
  },
  recipient: { thread: 5, dark: 5, threadB: 2 },
  accountButton: { inbox: 1, thread: 1, dark: 1, account1: 1, turkish: 1, changed: 1 },
  composeForm: { thread: 0, compose: 2, turkish: 1 },
  composeDraft: { compose: 2, turkish: 1 },
  sendButton: { thread: 0, compose: 2, turkish: 1 },
  composeBody: { compose: 2, turkish: 1 },
  // Only expanded messages show a body: two of four in a thread, every one when all are open.
  messageBody: { inbox: 0, thread: 2, turkish: 2, hostile: 2, longExpanded: 30, changed: 0 },
  quotedText: { thread: 0, longExpanded: 0, reply: 2 },
  // The sender of every message; in the list, the senders of each row.
  sender: { thread: 4, longThread: 5, inbox: 5 },
  composeReplyTo: { compose: 2, turkish: 1, thread: 0 },
  sendAndArchiveButton: { popout: 1, sendOptions: 1, compose: 0 },
  composeWindow: { compose: 1, popout: 1, thread: 0 },
  scheduleSend: { sendOptions: 1, compose: 0 },
  sentToast: { toast: 1, thread: 0 },
  undoSend: { toast: 1, thread: 0 },
  messageReply: { reply: 2, longExpanded: 30, thread: 0 },
  threadReply: { reply: 2, popout: 1, thread: 0 },
  rowSubject: { inbox: 5, readingPane: 5, thread: 0 },
  listRow: { inbox: 5, readingPane: 5, thread: 0 },
  rowThreadId: { inbox: 5, readingPane: 5 },
};

describe('Gmail selectors against every fixture', () => {
  for (const [selector, counts] of Object.entries(EXPECTED_COUNTS)) {
    for (const [fixture, count] of Object.entries(counts)) {
      it(`${selector} matches ${count} in ${fixture}`, () => {
        const { document } = open(fixture as FixtureName);
        expect(queryAllFirst(document, GMAIL[selector as GmailSelectorName])).toHaveLength(count);
      });
    }
  }
  for (const name of Object.keys(GMAIL) as GmailSelectorName[]) {
    it(`${name} has expected counts, and matches on at least one named page`, () => {
      expect(Object.values(EXPECTED_COUNTS[name] ?? {}).some((count) => count! > 0)).toBe(true);
    });
  }
  it('dates every fallback and names the root it is queried from', () => {
    expect(undatedFallbacks('sites/gmail/selectors.ts', { ...GMAIL, ...GMAIL_PRINT })).toEqual([]);
  });
});

describe('Gmail print view selectors', () => {
  const print = () =>
    loadFixture('gmail/print/long-thread.html', `${U0}?view=pt&th=193a1f0c2b4d5e6f`).document;
  // Cells are queried in each message's table (the reader takes the first: the body's own
  // nested table has a first cell too).
  const PRINT_COUNTS: Record<GmailPrintSelectorName, number> = {
    message: 30,
    senderCell: 2,
    dateCell: 1,
  };
  for (const name of Object.keys(GMAIL_PRINT) as GmailPrintSelectorName[]) {
    it(`${name} matches ${PRINT_COUNTS[name]} in the print view`, () => {
      const table = queryFirst(print(), GMAIL_PRINT.message)!;
      const root = name === 'message' ? print() : table;
      expect(PRINT_COUNTS[name]).toBeGreaterThan(0);
      expect(queryAllFirst(root, GMAIL_PRINT[name])).toHaveLength(PRINT_COUNTS[name]);
    });
  }
});

describe('reading a Gmail thread', () => {
  it('reads a thread in the dark theme exactly as in the light one', () => {
    expect(readGmailThread(open('dark').document, open('dark').location)).toEqual(
      readGmailThread(open('thread').document, open('thread').location),
    );
  });

  it('reads the full conversation view: ids, subject, people, messages and direction', () => {
    const { document, location } = open('thread');
    const reading = readGmailThread(document, location);
    if (reading.kind !== 'thread') throw new Error(JSON.stringify(reading));
    const { thread } = reading;
    expect(thread).toMatchObject({
      account: 'maria.rep@northwind.fi',
      accountIndex: 0,
      threadId: 'thread-f:1790123456789012345',
      subject: 'Re: Pricing for 40 seats',
    });
    expect(thread.participants).toEqual([
      { name: 'Aino Virtanen', email: 'aino.virtanen@acme.fi' },
      { name: 'Jussi Korhonen', email: 'jussi@acme.fi' },
    ]);
    // The collapsed ones have no id until opened; their headers show sender and full date.
    expect(thread.messages.map((m) => [m.id, m.from.email, m.outbound])).toEqual([
      [null, 'maria.rep@northwind.fi', true],
      [null, 'aino.virtanen@acme.fi', false],
      ['msg-f:1790123456789100001', 'maria.rep@northwind.fi', true],
      ['msg-f:1790123456789100002', 'aino.virtanen@acme.fi', false],
    ]);
    expect(thread.messages.map((m) => m.at)).toEqual([
      local(2026, 11, 16, 14, 10),
      local(2026, 11, 17, 9, 5),
      local(2026, 11, 18, 10, 30),
      local(2026, 11, 19, 16, 45),
    ]);
    expect(thread).toMatchObject({ hiddenCount: 0, language: 'en' });
  });

  it('reads the same thread in the reading pane, and in Turkish', () => {
    const thread = open('thread');
    const full = readGmailThread(thread.document, thread.location);
    for (const name of ['readingPane', 'turkish', 'compose'] as const) {
      const { document, location } = open(name);
      const reading = readGmailThread(document, location);
      // The Turkish page writes its dates in Turkish: the same times come out.
      expect(reading.kind === 'thread' && { ...reading.thread, language: 'en' }, name).toEqual(
        full.kind === 'thread' && full.thread,
      );
    }
  });

  it('reads German and Japanese pages, whose dates Gmail writes in its own language', () => {
    const english = readGmailThread(open('thread').document, open('thread').location);
    if (english.kind !== 'thread') throw new Error('unreadable');
    for (const [name, language] of [
      ['german', 'de'],
      ['japanese', 'ja'],
    ] as const) {
      const { document, location } = open(name);
      const reading = readGmailThread(document, location);
      if (reading.kind !== 'thread') throw new Error(`${name}: ${JSON.stringify(reading)}`);
      expect(reading.thread.language).toBe(language);
      expect(reading.thread.messages, name).toEqual(english.thread.messages);
    }
  });

  it('takes the thread id from the legacy id when the permanent one reads "undefined"', () => {
    const { document, location } = open('german');
    const reading = readGmailThread(document, location);
    expect(reading.kind === 'thread' && reading.thread.threadId).toBe(
      `thread-f:${BigInt('0x18d7a0b1c2d3e4f5')}`,
    );
  });

  it('reads a thread the rep has just started by its thread-a and msg-a ids, before Gmail gives it others', () => {
    const { document, location } = open('justStarted');
    const reading = readGmailThread(document, location);
    if (reading.kind !== 'thread') throw new Error(JSON.stringify(reading));
    expect(reading.thread.threadId).toBe('thread-a:r-6203617718349022165');
    expect(reading.thread.messages.map((m) => [m.id, m.outbound])).toEqual([
      ['msg-a:r5541370285160344982', true],
    ]);
  });

  it('keys the second account by its address, not by /u/1', () => {
    const { document, location } = open('account1');
    const reading = readGmailThread(document, location);
    expect(reading).toMatchObject({
      kind: 'thread',
      thread: {
        account: 'maria@rep-consulting.com',
        accountIndex: 1,
        threadId: 'thread-f:1790999999000000001',
      },
    });
    expect(reading.kind === 'thread' && reading.thread.messages.map((m) => m.outbound)).toEqual([
      false,
      true,
    ]);
  });

  it('keeps hostile names and subjects as plain strings', () => {
    const { document, location } = open('hostile');
    const reading = readGmailThread(document, location);
    if (reading.kind !== 'thread') throw new Error('unreadable');
    expect(reading.thread.subject).toBe(
      "<img src=x onerror=alert(1)><script>alert('xss')</script> Ödeme & “terms”",
    );
    expect(reading.thread.participants.map((p) => p.name.length)).toEqual([12, 10_000]);
  });

  it('says what it could not find on a page that changed shape, and nothing on a list', () => {
    const changed = open('changed');
    expect(readGmailThread(changed.document, changed.location)).toEqual({
      kind: 'unreadable',
      missing: 'subject',
    });
    const inbox = open('inbox');
    expect(readGmailThread(inbox.document, inbox.location)).toEqual({ kind: 'no-thread' });
  });

  it('reads the account from the title, or from the account button', () => {
    const { document } = open('inbox');
    expect(readGmailAccount(document)).toBe('maria.rep@northwind.fi');
    document.title = 'Gmail';
    expect(readGmailAccount(document)).toBe('maria.rep@northwind.fi');
  });

  it('reads the thread ids of inbox rows', () => {
    const { document } = open('inbox');
    expect(readGmailList(document).map((r) => r.threadId)).toEqual([
      'thread-f:1790123456789012345',
      'thread-f:1790123456700000001',
      'thread-f:1790123456600000001',
      'thread-f:1790123456500000001',
      'thread-f:1790123456400000001',
    ]);
  });
});

describe('the prospect’s words in a Gmail thread', () => {
  it('are the latest message shown in full that the rep did not send', () => {
    const { document } = open('thread');
    expect(readGmailProspectWords(document)).toBe(
      'Let me check with Jussi on budget and come back to you next week.',
    );
  });

  it('leave out the earlier messages a reply quotes, and render nothing of the page', () => {
    const { document } = open('thread');
    const bodies = queryAllFirst(document, GMAIL.messageBody);
    const quote = document.createElement('div');
    quote.className = 'gmail_quote';
    quote.textContent = 'On Tue, Maria wrote: the annual plan…';
    bodies.at(-1)!.append(quote);
    expect(readGmailProspectWords(document)).toBe(
      'Let me check with Jussi on budget and come back to you next week.',
    );
  });

  it('are the text the rep selected in the thread, when there is some', () => {
    const { document } = open('thread');
    const first = queryAllFirst(document, GMAIL.messageBody)[0]!;
    document.getSelection()!.selectAllChildren(first);
    expect(readGmailProspectWords(document)).toBe(
      'Hi Aino, the annual plan comes with two months free. Shall we book a call?',
    );
  });

  it('are nothing on a page that is not a thread', () => {
    expect(readGmailProspectWords(open('inbox').document)).toBeNull();
    expect(readGmailProspectWords(open('changed').document)).toBeNull();
  });
});
