import { readFileSync } from 'node:fs';
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
import { THREAD_A, U0, navigateGmail, panel } from './gmail-page';

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');
const HASH_A = THREAD_A.split('#')[1]!;
/** Thread A with an inline reply open before its first autosave, and the send-options menu. */
const INLINE = 'gmail/compose-send-options.html';
/** Thread A with the reply popped out into a compose window, subject shown. */
const POPOUT = 'gmail/compose-popout.html';
const KEY_A = 'gmail:maria.rep@northwind.fi:thread-f:1790123456789012345';

/** Gmail's part of sending: the compose window goes, a toast with Undo comes (one at a time). */
async function gmailSends(
  page: Page,
  composeWindow: string,
  toastPath = 'gmail/after-send/toast.html',
): Promise<void> {
  await page.evaluate(
    ({ composeWindow, toast }) => {
      document.querySelector(composeWindow)?.remove();
      document.querySelectorAll('div.b8[role=alert]').forEach((old) => old.remove());
      const parsed = new DOMParser().parseFromString(toast, 'text/html');
      document.body.append(
        ...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)),
      );
    },
    { composeWindow, toast: fixture(toastPath) },
  );
}

describe('Gmail: every way of sending a reply counts once', () => {
  let ext: Extension;
  let fresh: StoredState;
  let page: Page;
  /** The thread's own four messages, counted when it is linked. */
  const base = 4;
  let pageErrors: string[] = [];
  let warnings: string[] = [];

  const touchCount = async (): Promise<number | undefined> => {
    const reply = await request<{ data: { deal: { touchCount: number } } | null }>(ext, {
      type: 'deal.forKey',
      key: KEY_A,
    });
    return reply.data?.deal.touchCount;
  };
  /** The count reaches `expected`, and stays there a while (nothing counted twice, late). */
  const countIs = async (expected: number) => {
    await expect.poll(touchCount, { timeout: 5_000 }).toBe(expected);
    await page.waitForTimeout(700);
    expect(await touchCount()).toBe(expected);
  };
  /** The thread again with a new reply open: a saved draft gets an id of its own, as in Gmail. */
  const reopen = async (fixturePath: string) => {
    await navigateGmail(page, HASH_A, fixturePath);
    await page.locator('div.T-I.aoO[role=button]').first().waitFor();
    await page.evaluate((id) => {
      const draft = document.querySelector<HTMLInputElement>('input[name=draft]');
      if (draft?.value.startsWith('#msg-a:')) draft.value = id;
    }, `#msg-a:r-${Date.now()}`);
  };

  /** Thread A linked to a deal, as the first test links it, open with its messages counted. */
  const openLinkedThread = async () => {
    await request(ext, {
      type: 'deal.create',
      input: {
        title: 'Pricing for 40 seats',
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
    await page.goto(THREAD_A);
    await panel(page).getByLabel('Stage').waitFor();
    await expect.poll(touchCount).toBe(base);
  };

  beforeAll(async () => {
    ext = await startExtension({ pages: { [U0]: INLINE } });
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

  it('links the thread to a new deal, its messages counted', async () => {
    await page.goto(THREAD_A);
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await p.getByLabel('Stage').waitFor();
    await expect.poll(touchCount).toBe(4);
    await countIs(base);
  });

  it('counts a click on Send once', async () => {
    await openLinkedThread();
    await page.locator('.M9 [g_editable=true]').fill('Hi Aino, any news on the budget?');
    await page.locator('.M9 div.T-I.aoO[role=button]').click();
    await gmailSends(page, '.M9');
    await countIs(base + 1);
  });

  it('counts Ctrl+Enter in the subject of a popped-out reply once', async () => {
    await openLinkedThread();
    await reopen(POPOUT);
    await page.locator('[role=dialog] input[name=subjectbox]').focus();
    await page.keyboard.press('Control+Enter');
    await gmailSends(page, '[role=dialog]');
    await countIs(base + 1);
  });

  it('counts Enter on the focused Send once', async () => {
    await openLinkedThread();
    await reopen(INLINE);
    await page.locator('.M9 div.T-I.aoO[role=button]').focus();
    await page.keyboard.press('Enter');
    await gmailSends(page, '.M9');
    await countIs(base + 1);
  });

  it('counts Space on the focused Send once', async () => {
    await openLinkedThread();
    await reopen(POPOUT);
    await page.locator('[role=dialog] div.T-I.aoO[role=button]').focus();
    await page.keyboard.press('Space');
    await gmailSends(page, '[role=dialog]');
    await countIs(base + 1);
  });

  it('counts Enter once when Gmail also turns it into a click', async () => {
    await openLinkedThread();
    await reopen(INLINE);
    await page.evaluate(() => {
      document.addEventListener('keydown', (event) => {
        const send = (event.target as Element).closest?.('div.T-I.aoO');
        if (send && event.key === 'Enter') (send as HTMLElement).click();
      });
    });
    await page.locator('.M9 div.T-I.aoO[role=button]').focus();
    await page.keyboard.press('Enter');
    await gmailSends(page, '.M9');
    await countIs(base + 1);
  });

  it('does not count Schedule send, nor let its Undo take back the send before it', async () => {
    await openLinkedThread();
    // The send before it, a click on Send as above.
    await page.locator('.M9 [g_editable=true]').fill('Hi Aino, any news on the budget?');
    await page.locator('.M9 div.T-I.aoO[role=button]').click();
    await gmailSends(page, '.M9');
    await countIs(base + 1);
    await reopen(INLINE);
    await page.locator('.M9 div.T-I.hG[role=button]').click();
    await page.locator('[role=menuitem][selector=scheduledSend]').click();
    // Gmail asks when, then closes the reply and confirms the schedule.
    await page.evaluate((dialog) => {
      document.querySelector('[role=menu]')?.remove();
      const parsed = new DOMParser().parseFromString(dialog, 'text/html');
      document.body.append(
        ...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)),
      );
    }, fixture('gmail/after-send/schedule-dialog.html'));
    await page.locator('[role=dialog] [role=menuitem].Az').first().click();
    await page.evaluate(() =>
      document.querySelector('[role=dialog][aria-label="Schedule send"]')?.remove(),
    );
    await gmailSends(page, '.M9', 'gmail/after-send/scheduled-toast.html');
    await page.locator('#link_undo').click();
    await countIs(base + 1);
  });

  it('counts two quick sends before the first autosave as two, and Undo takes back the second only', async () => {
    await openLinkedThread();
    await reopen(INLINE);
    expect(await page.locator('.M9 input[name=draft]').getAttribute('value')).toBe('undefined');
    await page.locator('.M9 div.T-I.aoO[role=button]').click();
    await gmailSends(page, '.M9');
    // Gmail opens the next reply at once; it has not autosaved either.
    await page.evaluate((html) => {
      const next = new DOMParser().parseFromString(html, 'text/html').querySelector('.M9')!;
      document.querySelector('.ip')!.append(document.importNode(next, true));
    }, fixture(INLINE));
    await page.locator('.M9 [g_editable=true]').focus();
    await page.keyboard.press('Control+Enter');
    await gmailSends(page, '.M9');
    await countIs(base + 2);
    await page.locator('#link_undo').click();
    await countIs(base + 1);
  });

  it('shows the count in the panel, and no error reached Gmail’s page', async () => {
    await openLinkedThread();
    // The six replies the tests above send, counted as they were.
    const view = await request<{ data: { deal: { id: string } } }>(ext, {
      type: 'deal.forKey',
      key: KEY_A,
    });
    for (let n = 1; n <= 6; n++) {
      await request(ext, {
        type: 'touch.record',
        input: {
          dealId: view.data.deal.id,
          channel: 'email',
          direction: 'outbound',
          at: Date.now() - (7 - n) * 60_000,
          sourceKey: `gmail:maria.rep@northwind.fi:msg-f:17901234567999999${n}`,
        },
      });
    }
    await countIs(base + 6);
    await reopen(INLINE);
    await expect
      .poll(() => panel(page).locator('.tl-follow-ups').textContent())
      .toBe('Follow-up 6');
    expect(pageErrors).toEqual([]);
    expect(warnings.join('\n')).toBe('');
  });
});
