import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  request,
  restoreStored,
  snapshotStored,
  startExtension,
  type Extension,
  type StoredState,
} from './harness';
import {
  THREAD_A,
  THREAD_B,
  U0,
  choose,
  gmailSends,
  gmailShowsSentMessage,
  navigateGmail,
  panel,
} from './gmail-page';
import { DAY, dealRecord, seedRecords } from './seed';

describe('Gmail: the rep works a thread', () => {
  let ext: Extension;
  let fresh: StoredState;
  let page: Page;
  let pageErrors: string[] = [];
  let warnings: string[] = [];

  /** Asks the background as the dashboard would, to check what was stored. */
  const stored = async (key: string) => {
    const reply = await request(ext, { type: 'deal.forKey', key });
    return reply as {
      ok: true;
      data: { deal: { touchCount: number; followUpCount: number; stageId: string } } | null;
    };
  };
  const KEY_A = 'gmail:maria.rep@northwind.fi:thread-f:1790123456789012345';

  /** The deal the rep creates for thread A from its panel, linked to the thread. */
  const linkThreadA = async (stageId = 'prospecting') => {
    await request(ext, {
      type: 'deal.create',
      input: {
        title: 'Pricing for 40 seats',
        company: 'Acme',
        value: 24000,
        stageId,
        links: [
          {
            kind: 'gmail-thread',
            account: 'maria.rep@northwind.fi',
            externalId: 'thread-f:1790123456789012345',
            label: 'Re: Pricing for 40 seats',
          },
        ],
      },
    });
  };

  /** Opens thread A with its deal shown and its four messages recorded. */
  const openLinkedThreadA = async () => {
    await page.goto(THREAD_A);
    await panel(page).getByLabel('Stage').waitFor();
    await expect.poll(() => stored(KEY_A).then((r) => r.data?.deal.touchCount)).toBe(4);
  };

  /** The rep replies from thread A and Gmail shows the sent message: one follow-up. */
  const replyOnThreadA = async () => {
    await page.locator('div[g_editable=true]').first().fill('Hi Aino, any news on the budget?');
    await page.locator('div.T-I.aoO[role=button]').first().click();
    await gmailSends(page);
    await gmailShowsSentMessage(page, new Date());
    await expect.poll(() => stored(KEY_A).then((r) => r.data?.deal.touchCount)).toBe(5);
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: 'gmail/compose.html' } });
    fresh = await snapshotStored(ext);
  });
  // Each test starts from a freshly installed extension and one new Gmail tab, not yet loaded.
  beforeEach(async () => {
    await restoreStored(ext, fresh);
    pageErrors = [];
    warnings = [];
    page = await ext.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on(
      'console',
      (message) =>
        message.type() === 'warning' &&
        message.text().startsWith('Threadline') &&
        warnings.push(message.text()),
    );
  });
  // Whatever a test did, no error reached Gmail's page.
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(warnings.join('\n')).toBe('');
  });
  afterAll(() => ext?.close());

  it('offers to create a deal for an unlinked thread, prefilled from it', async () => {
    await page.goto(THREAD_A);
    const p = panel(page);
    await p.getByRole('heading', { name: 'Re: Pricing for 40 seats' }).waitFor();
    await expect(
      p.getByRole('list', { name: 'People on this thread' }).textContent(),
    ).resolves.toBe('Aino Virtanen aino.virtanen@acme.fiJussi Korhonen jussi@acme.fi');
    await p.getByRole('button', { name: 'Create deal' }).click();
    const form = p.getByRole('form', { name: 'Create deal' });
    await expect(form.getByLabel('Deal', { exact: true }).inputValue()).resolves.toBe(
      'Pricing for 40 seats',
    );
    await expect(form.getByLabel('Company').inputValue()).resolves.toBe('Acme');
    await expect(form.getByLabel('Contact name').inputValue()).resolves.toBe('Aino Virtanen');
    await expect(form.getByLabel('Contact email').inputValue()).resolves.toBe(
      'aino.virtanen@acme.fi',
    );
    await form.getByLabel('Value').fill('24000');
    await form.getByRole('button', { name: 'Save deal' }).click();
    await expect.poll(() => stored(KEY_A).then((r) => r.data?.deal.stageId)).toBe('prospecting');
  });

  it('shows the new deal: stage, BANT gaps as questions, follow-ups and last touch from the thread', async () => {
    // The deal the rep created from the panel, as the test above does.
    await linkThreadA();
    await page.goto(THREAD_A);
    const p = panel(page);
    await p.getByLabel('Stage').waitFor();
    await expect(p.getByLabel('Stage').inputValue()).resolves.toBe('prospecting');
    await expect(p.getByText('Ask who signs off').count()).resolves.toBe(1);
    await expect(p.getByText('Ask what budget is set aside').count()).resolves.toBe(1);
    // Four messages, the last one theirs: nothing unanswered, the rep's turn.
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 0');
    await expect(p.locator('.tl-turn').textContent()).resolves.toBe('Your turn to reply');
    await expect(p.locator('.tl-last-touch time').getAttribute('title')).resolves.toMatch(
      /November 19, 2026/,
    );
    await expect(p.locator('.tl-last-touch').textContent()).resolves.toMatch(
      /^Last touch: .+ ago$/,
    );
    expect((await stored(KEY_A)).data?.deal.touchCount).toBe(4);
  });

  it('counts a reply the rep sends at once, and once only when Gmail shows it', async () => {
    await linkThreadA();
    await openLinkedThreadA();
    const p = panel(page);
    await page
      .locator('div[g_editable=true]')
      .first()
      .fill('Hi Aino, just checking in on the budget question.');
    await page.locator('div.T-I.aoO[role=button]').first().click();
    await gmailSends(page);
    await expect
      .poll(() => p.locator('.tl-follow-ups').textContent(), { timeout: 3_000 })
      .toBe('Follow-up 1');
    await expect(p.locator('.tl-turn').textContent()).resolves.toBe('Waiting for them');
    await expect(p.locator('.tl-last-touch').textContent()).resolves.toMatch(
      /Last touch: (now|this minute|\d+ seconds? ago)/,
    );
    await gmailShowsSentMessage(page, new Date());
    await page.waitForTimeout(500);
    await expect(p.locator('.tl-follow-ups').textContent()).resolves.toBe('Follow-up 1');
    expect((await stored(KEY_A)).data?.deal.touchCount).toBe(5);
  });

  it('does not count a send the rep undoes', async () => {
    // A deal with one reply sent and shown, as the test above leaves it.
    await linkThreadA();
    await openLinkedThreadA();
    await replyOnThreadA();
    await navigateGmail(page, THREAD_A.split('#')[1]!, 'gmail/compose.html');
    await expect.poll(() => stored(KEY_A).then((r) => r.data?.deal.touchCount)).toBe(5);
    const p = panel(page);
    await page.locator('div.T-I.aoO[role=button]').first().click();
    await gmailSends(page);
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 2');
    await page.locator('#link_undo').click();
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 1');
    expect((await stored(KEY_A)).data?.deal.touchCount).toBe(5);
  });

  it('changes nothing when the thread is opened again', async () => {
    // A deal with one reply sent and shown, as the tests above leave it.
    await linkThreadA();
    await openLinkedThreadA();
    await replyOnThreadA();
    await page.reload();
    await expect
      .poll(() => panel(page).locator('.tl-follow-ups').textContent())
      .toBe('Follow-up 1');
    await page.waitForTimeout(300);
    expect((await stored(KEY_A)).data?.deal.touchCount).toBe(5);
  });

  it('moves the stage, warning first when qualification is skipped with gaps', async () => {
    await linkThreadA();
    await openLinkedThreadA();
    const p = panel(page);
    await choose(p.getByLabel('Stage'), 'initial-contact');
    await expect(p.getByRole('alert').textContent()).resolves.toContain(
      'Still unknown: Budget, Authority, Need, Timeline',
    );
    await p.getByRole('button', { name: 'Move anyway' }).click();
    await expect
      .poll(() => stored(KEY_A).then((r) => r.data?.deal.stageId))
      .toBe('initial-contact');
    await expect(p.getByLabel('Stage').inputValue()).resolves.toBe('initial-contact');
  });

  it('shows a change made elsewhere within a second', async () => {
    await linkThreadA('initial-contact');
    await openLinkedThreadA();
    const dashboard = await ext.extensionPage('dashboard.html');
    const view = await stored(KEY_A);
    const dealId = (view.data as unknown as { deal: { id: string } }).deal.id;
    await dashboard.evaluate(
      (dealId) =>
        chrome.runtime.sendMessage({ type: 'stage.move', dealId, stageId: 'needs-assessment' }),
      dealId,
    );
    await dashboard.close();
    await expect
      .poll(() => panel(page).getByLabel('Stage').inputValue(), { timeout: 1_000, interval: 50 })
      .toBe('needs-assessment');
  });

  it('follows hash navigation between threads', async () => {
    await page.goto(THREAD_A);
    await panel(page).getByRole('heading', { name: 'Re: Pricing for 40 seats' }).waitFor();
    await navigateGmail(page, THREAD_B.split('#')[1]!, 'gmail/thread-b.html');
    const p = panel(page);
    await expect(
      p.getByRole('heading', { name: 'Intro: Globex data platform' }).waitFor(),
    ).resolves.toBeUndefined();
    await expect(p.getByRole('button', { name: 'Create deal' }).count()).resolves.toBe(1);
    await navigateGmail(page, THREAD_A.split('#')[1]!, 'gmail/thread.html');
    await expect(
      p.getByRole('heading', { name: 'Pricing for 40 seats' }).waitFor(),
    ).resolves.toBeUndefined();
    await navigateGmail(page, 'inbox', 'gmail/inbox.html');
    await expect.poll(() => panel(page).count()).toBe(0);
  });

  it('puts the stage on the inbox row of a linked thread', async () => {
    // The deal at the stage the tests above moved it to.
    await linkThreadA('needs-assessment');
    await openLinkedThreadA();
    await navigateGmail(page, 'inbox', 'gmail/inbox.html');
    const row = page.locator('tr.zA').filter({ hasText: 'Re: Pricing for 40 seats' });
    await expect
      .poll(() => row.locator('[data-threadline-chip]').textContent())
      .toBe('Needs assessment');
    await expect(
      page
        .locator('tr.zA')
        .filter({ hasText: 'Demo next week?' })
        .locator('[data-threadline-chip]')
        .count(),
    ).resolves.toBe(0);
  });

  it('shows a deal left 4 days without movement as due', async () => {
    await page.goto(THREAD_A);
    await panel(page).getByRole('heading', { name: 'Re: Pricing for 40 seats' }).waitFor();
    const deal = dealRecord({
      id: 'stale-globex',
      title: 'Globex data platform',
      company: 'Globex',
      daysAgo: 4,
    });
    const dashboard = await ext.extensionPage('dashboard.html');
    await seedRecords(dashboard, 'deals', [deal]);
    await seedRecords(dashboard, 'links', [
      {
        key: 'gmail:maria.rep@northwind.fi:thread-f:1790123456700000001',
        kind: 'gmail-thread',
        dealId: deal.id,
        account: 'maria.rep@northwind.fi',
        externalId: 'thread-f:1790123456700000001',
        url: THREAD_B,
        label: 'Intro: Globex data platform',
        createdAt: Date.now() - 4 * DAY,
      },
    ]);
    // The thread's two messages were recorded back then: opening it now adds nothing.
    await seedRecords(
      dashboard,
      'touches',
      [1, 2].map((n) => ({
        id: `seeded-${n}`,
        dealId: deal.id,
        channel: 'email',
        direction: n === 1 ? 'inbound' : 'outbound',
        at: Date.now() - (4 * DAY + (2 - n) * 3_600_000),
        sourceKey: `gmail:maria.rep@northwind.fi:msg-f:179012345670000000${n}`,
        note: '',
        createdAt: Date.now() - 4 * DAY,
      })),
    );
    await dashboard.close();
    await navigateGmail(page, THREAD_B.split('#')[1]!, 'gmail/thread-b.html');
    await expect.poll(() => panel(page).locator('.tl-cadence').textContent()).toBe('Due');
    await page.waitForTimeout(500);
    await expect(panel(page).locator('.tl-cadence').textContent()).resolves.toBe('Due');
  });

  it('logs a call, snoozes, closes with a reason, reopens and unlinks from the panel', async () => {
    // A deal with one reply sent, as the tests above leave it.
    await linkThreadA();
    await openLinkedThreadA();
    await replyOnThreadA();
    await navigateGmail(page, THREAD_A.split('#')[1]!, 'gmail/thread.html');
    const p = panel(page);
    await p.getByLabel('Stage').waitFor();
    await p.getByRole('button', { name: 'Log a touch…' }).click();
    await choose(p.getByLabel('Kind'), 'call');
    await p.getByLabel('What happened').fill('Left a voicemail about the budget');
    await p.getByRole('button', { name: 'Log touch' }).click();
    await expect.poll(() => p.locator('.tl-follow-ups').textContent()).toBe('Follow-up 2');

    await p.getByRole('button', { name: '3 d' }).click();
    await expect.poll(() => p.locator('.tl-cadence').textContent()).toMatch(/^Snoozed until /);

    await p.getByRole('button', { name: 'Close deal…' }).click();
    await choose(p.getByLabel('Outcome'), 'lost');
    await p.getByLabel('Reason').fill('Went with a competitor');
    await p.getByRole('button', { name: 'Close deal', exact: true }).click();
    await expect
      .poll(() => p.locator('.tl-closed').textContent())
      .toBe('Lost: Went with a competitor');
    await expect(p.getByLabel('Stage').count()).resolves.toBe(0);
    await expect(p.locator('.tl-cadence').textContent()).resolves.toBe('Closed');
    // In the inbox, the row says how the deal ended, in the rep's words.
    await navigateGmail(page, 'inbox', 'gmail/inbox.html');
    const row = page.locator('tr.zA').filter({ hasText: 'Re: Pricing for 40 seats' });
    await expect.poll(() => row.locator('[data-threadline-chip]').textContent()).toBe('Lost');
    await navigateGmail(page, THREAD_A.split('#')[1]!, 'gmail/thread.html');

    await p.getByRole('button', { name: 'Reopen deal' }).click();
    await p.getByLabel('Stage').waitFor();

    await p.getByRole('button', { name: 'Unlink this thread' }).click();
    await p.getByRole('button', { name: 'Create deal' }).waitFor();
    expect((await stored(KEY_A)).data).toBeNull();
  });

  it('never let an error reach Gmail’s page', async () => {
    // The rep's day in short: a thread, another, the inbox, each with the panel working.
    await linkThreadA();
    await openLinkedThreadA();
    await navigateGmail(page, THREAD_B.split('#')[1]!, 'gmail/thread-b.html');
    await panel(page).getByRole('button', { name: 'Create deal' }).waitFor();
    await navigateGmail(page, 'inbox', 'gmail/inbox.html');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(warnings.join('\n')).toBe('');
  });
});
