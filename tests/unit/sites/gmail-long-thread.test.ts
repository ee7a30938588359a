import { describe, expect, it, vi } from 'vitest';
import { touchesOfThread } from '../../../entrypoints/gmail.content/thread-touches';
import { readGmailPrintView } from '../../../sites/gmail/read-print-view';
import { readGmailThread, type GmailThread } from '../../../sites/gmail/read-thread';
import { createDeal } from '../../../storage/deals';
import { recordTouches } from '../../../storage/record-touches';
import { touchesOfDeal } from '../../../storage/touches';
import { testStore } from '../storage/test-store';
import { loadFixture } from './load-fixture';

const ROUTE =
  'https://mail.google.com/mail/u/0/#label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC';
const ACCOUNT = 'maria.rep@northwind.fi';
const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).getTime();

function thread(fixture: string): GmailThread {
  const { document, location } = loadFixture(fixture, ROUTE);
  const reading = readGmailThread(document, location);
  if (reading.kind !== 'thread') throw new Error(JSON.stringify(reading));
  return reading.thread;
}

function printView(): GmailThread['messages'] {
  const { document } = loadFixture(
    'gmail/print/long-thread.html',
    'https://mail.google.com/mail/u/0/?view=pt',
  );
  const messages = readGmailPrintView(document, ACCOUNT);
  if (!messages) throw new Error('no print view');
  return messages;
}

const collapsed = () => thread('gmail/long-thread.html');
const expanded = () => thread('gmail/long-thread-expanded.html');

describe('a long Gmail thread as Gmail first shows it', () => {
  it('reads the collapsed headers without ids, the newest message with its id, and how many are hidden', () => {
    const t = collapsed();
    // A thread the rep started: its legacy hex id gives the permanent thread-f form.
    expect(t.threadId).toBe('thread-f:1847819342906399008');
    expect(t.threadAliases).toEqual(['thread-a:r-4815162342108790311']);
    expect(t.hiddenCount).toBe(25);
    expect(t.messages).toHaveLength(5);
    expect(t.messages.map((m) => m.id)).toEqual([
      null,
      null,
      null,
      null,
      `msg-f:${BigInt('0x19a4c5e6f708191e')}`,
    ]);
    expect(t.messages.map((m) => m.outbound)).toEqual([true, true, true, true, true]);
    expect(t.messages[0]!.at).toBe(local(2026, 10, 1, 9, 0));
    expect(t.messages.at(-1)!.at).toBe(local(2026, 11, 6, 9, 0));
    expect(t.participants).toEqual([
      { name: 'Emre Yılmaz', email: 'emre.yilmaz@anatolia-lojistik.com.tr' },
    ]);
  });

  it('reads the same thread expanded: 30 messages with ids, the one just sent by its msg-a id', () => {
    const t = expanded();
    expect(t.hiddenCount).toBe(0);
    expect(t.messages).toHaveLength(30);
    expect(t.messages.every((m) => m.id !== null)).toBe(true);
    expect(t.messages.at(-1)!.id).toBe('msg-a:r7034418253091030');
    expect(t.messages[0]!.id).toBe(`msg-f:${BigInt('0x19a4c5e6f7081901')}`);
  });

  it('reads every message of the print view, in order, with the dates the thread shows', () => {
    const all = printView();
    expect(all).toHaveLength(30);
    expect(all.map((m) => [m.from.email, m.at, m.outbound])).toEqual(
      expanded().messages.map((m) => [m.from.email, m.at, m.outbound]),
    );
    expect(all.every((m) => m.id === null)).toBe(true);
  });

  it('refuses a page that is not a print view (a sign-in page)', () => {
    const { document } = loadFixture(
      'gmail/inbox.html',
      'https://mail.google.com/mail/u/0/?view=pt',
    );
    expect(readGmailPrintView(document, ACCOUNT)).toBeNull();
  });

  it('knows each message by the same key in every view of it, with its id as an alias once it has one', () => {
    const keys = (t: Pick<GmailThread, 'account' | 'threadId' | 'threadAliases' | 'messages'>) =>
      touchesOfThread(t, 'deal').map((i) => i.sourceKey);
    const fromPrint = keys({ ...collapsed(), messages: printView() });
    expect(new Set(fromPrint).size).toBe(30);
    expect(keys(expanded())).toEqual(fromPrint);
    expect(fromPrint).toEqual(expect.arrayContaining(keys(collapsed())));
    expect(touchesOfThread(expanded(), 'deal').at(-1)!.aliases).toEqual([
      `gmail:${ACCOUNT}:msg-a:r7034418253091030`,
    ]);
  });

  it('knows the messages of a thread the rep started by the same keys before and after Gmail gives it its thread-f id', () => {
    const t = collapsed();
    const before = touchesOfThread(
      { ...t, threadId: t.threadAliases[0]!, threadAliases: [] },
      'deal',
    );
    expect(touchesOfThread(t, 'deal').map((i) => i.sourceKey)).toEqual(
      before.map((i) => i.sourceKey),
    );
  });

  it('keeps the thread order for messages shown at the same minute', () => {
    const inputs = touchesOfThread(expanded(), 'deal');
    // Messages 24 (the rep) and 25 (the reply) both show 10:15.
    expect(inputs[23]!.at).toBe(local(2026, 10, 28, 10, 15));
    expect(inputs[24]!.at).toBe(local(2026, 10, 28, 10, 15) + 1);
    expect(inputs.map((i) => i.at)).toEqual([...inputs.map((i) => i.at)].sort((a, b) => a - b));
  });

  it('reads a page whose dates it cannot read: every message kept, one console warning', () => {
    const { document, location } = loadFixture('gmail/long-thread-expanded.html', ROUTE);
    document
      .querySelectorAll('span.g3[title]')
      .forEach((date, i) => i % 2 === 0 && date.setAttribute('title', 'Sternzeit 4711.9'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reading = readGmailThread(document, location);
    if (reading.kind !== 'thread') throw new Error(JSON.stringify(reading));
    expect(reading.thread.messages).toHaveLength(30);
    expect(reading.thread.messages.filter((m) => m.at === null)).toHaveLength(15);
    expect(touchesOfThread(reading.thread, 'deal')).toHaveLength(30);
    expect(
      warn.mock.calls.filter(([text]) => String(text).includes('date could not be read')),
    ).toHaveLength(1);
    warn.mockRestore();
  });

  it('keeps a message whose date cannot be read, in its place', () => {
    const t = expanded();
    t.messages[10] = { ...t.messages[10]!, at: null };
    const inputs = touchesOfThread(t, 'deal');
    expect(inputs).toHaveLength(30);
    expect(inputs[10]!.at).toBeGreaterThan(inputs[9]!.at);
    expect(inputs[10]!.at).toBeLessThan(inputs[11]!.at);
  });
});

describe('recording a long thread', () => {
  it('counts every message once, collapsed, read whole and expanded, and the follow-ups right', async () => {
    const ctx = testStore(local(2026, 11, 25, 10, 0));
    const deal = await createDeal(ctx, { title: 'Anatolia pilot' });
    const record = (t: Pick<GmailThread, 'account' | 'threadId' | 'threadAliases' | 'messages'>) =>
      recordTouches(ctx, touchesOfThread(t, deal.id));

    let result = await record(collapsed());
    expect(result.created).toBe(5);
    result = await record({ ...collapsed(), messages: printView() });
    expect(result.created).toBe(25);
    // The last reply came at 10:15 on Oct 28, right after the rep's message of the same minute;
    // five messages from the rep have gone unanswered since.
    expect(result.deal).toMatchObject({
      touchCount: 30,
      followUpCount: 5,
      lastTouchAt: local(2026, 11, 6, 9, 0),
      lastTouchDirection: 'outbound',
    });

    result = await record(expanded());
    expect(result.created).toBe(0);
    result = await record(collapsed());
    expect(result).toEqual({ created: 0, deal: null });
    expect(await touchesOfDeal(ctx, deal.id)).toHaveLength(30);
    // Created today, but its last message went out 19 days ago: it has not moved since.
    expect((await ctx.db.deals.get(deal.id))?.lastMovementAt).toBe(local(2026, 11, 6, 9, 0));
  });

  it('takes over messages recorded before under their ids alone, without counting them again', async () => {
    const ctx = testStore(local(2026, 11, 25, 10, 0));
    const deal = await createDeal(ctx, { title: 'Anatolia pilot' });
    // As earlier versions recorded the newest message: keyed by its id only.
    const newest = expanded().messages.at(-1)!;
    await recordTouches(ctx, [
      {
        dealId: deal.id,
        channel: 'email',
        direction: 'outbound',
        at: newest.at!,
        sourceKey: `gmail:${ACCOUNT}:msg-f:99`,
      },
    ]);
    const result = await recordTouches(ctx, touchesOfThread(collapsed(), deal.id));
    expect(result.created).toBe(4);
    expect(await touchesOfDeal(ctx, deal.id)).toHaveLength(5);
  });
});
