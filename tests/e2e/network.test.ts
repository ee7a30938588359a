import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { openView, startExtension, type Extension } from './harness';
import { THREAD_A, U0, gmailSends, panel } from './gmail-page';
import { runDueCheck } from './seed';

// Nothing leaves the machine: in a whole session (Gmail, LinkedIn, the dashboard, the popup,
// the due check and its notifications) the only requests are the sites' own pages and one the
// Gmail panel makes to Gmail itself, for the print view of a long thread it has to read.
const LONG_THREAD = `${U0}#label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC`;
const PROFILE = 'https://www.linkedin.com/in/aino-virtanen/';

describe('a whole session makes no request but to the sites themselves', () => {
  let ext: Extension;
  const requests: Request[] = [];
  const sockets: string[] = [];

  beforeAll(async () => {
    ext = await startExtension({
      pages: {
        [`${U0}?view=pt`]: 'gmail/print/long-thread.html',
        [PROFILE]: 'linkedin/profile.html',
      },
    });
    // Pages, frames and the extension's service worker alike.
    ext.context.on('request', (request) => requests.push(request));
    ext.context.on('page', (page) => page.on('websocket', (socket) => sockets.push(socket.url())));
  });
  afterAll(() => ext?.close());

  /**
   * The rep's session, whose every request the tests check. It runs once, for whichever test
   * needs it first, so that the audit below does not rely on running after the session's test.
   */
  let session: Promise<void> | undefined;
  const goThroughSession = () => (session ??= runSession());

  it('goes through Gmail, LinkedIn, the dashboard and the popup', async () => {
    await goThroughSession();
  });

  async function runSession(): Promise<void> {
    // Gmail: a long thread, made a deal, read whole (its print view); a thread of its own, made
    // a deal, and a reply sent on it.
    ext.pages[U0] = 'gmail/long-thread.html';
    const gmail = await ext.context.newPage();
    await gmail.goto(LONG_THREAD);
    const p = panel(gmail);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await expect
      .poll(() => p.locator('.tl-follow-ups').textContent(), { timeout: 10_000 })
      .toBe('Follow-up 5');
    ext.pages[U0] = 'gmail/compose.html';
    await gmail.goto('about:blank');
    await gmail.goto(THREAD_A);
    await p.getByRole('button', { name: 'Create deal' }).click();
    await p
      .getByRole('form', { name: 'Create deal' })
      .getByRole('button', { name: 'Save deal' })
      .click();
    await p.getByLabel('Stage').waitFor();
    await gmail.locator('div[g_editable=true]').first().fill('Hi Aino, any news on the budget?');
    await gmail.locator('div.T-I.aoO[role=button]').first().click();
    await gmailSends(gmail);
    await expect
      .poll(() => p.locator('.tl-follow-ups').textContent(), { timeout: 3_000 })
      .toBe('Follow-up 1');

    // LinkedIn: a profile added as a prospect.
    const linkedin = await ext.context.newPage();
    await linkedin.goto(PROFILE);
    const l = panel(linkedin);
    await l.getByRole('button', { name: 'Add prospect' }).click();
    await l
      .getByRole('form', { name: 'Add prospect' })
      .getByRole('button', { name: 'Save prospect' })
      .click();
    await l.getByLabel('Stage').waitFor();

    // The dashboard's every view, a deal's page, and the popup.
    const dashboard = await ext.extensionPage('dashboard.html');
    for (const view of ['queue', 'board', 'metrics', 'deals', 'settings', 'data'] as const)
      await openView(dashboard, view);
    await openView(dashboard, 'board');
    await dashboard
      .getByRole('button', { name: /Pricing for 40 seats/ })
      .first()
      .click();
    await dashboard.locator('#deal').waitFor();
    const popup = await ext.extensionPage('popup.html');
    await popup.locator('body').waitFor();

    // The due check, its badge and notifications.
    await runDueCheck(ext.worker);
    await expect
      .poll(() => ext.inWorker(() => chrome.action.getBadgeText({}), null), { timeout: 10_000 })
      .not.toBe('');
    await gmail.waitForTimeout(1_000);
    for (const page of [gmail, linkedin, dashboard, popup]) await page.close();
  }

  it('saw the worker’s requests too (a control request, made by the test)', async () => {
    await ext.inWorker(() => fetch('https://example.com/control').catch(() => null), null);
    await expect
      .poll(() =>
        requests.some(
          (r) => r.url() === 'https://example.com/control' && r.serviceWorker() !== null,
        ),
      )
      .toBe(true);
  });

  it('made requests only for the sites’ pages and Gmail’s print view of the long thread', async () => {
    await goThroughSession();
    const network = requests.filter(
      (r) => /^(https?|wss?):/.test(r.url()) && r.url() !== 'https://example.com/control',
    );
    const allowed = (r: Request) => {
      const url = new URL(r.url());
      if (r.resourceType() === 'document')
        return (
          url.origin === 'https://mail.google.com' || url.origin === 'https://www.linkedin.com'
        );
      // The Gmail panel's one request of its own: the print view, same origin, same account.
      return (
        url.origin === 'https://mail.google.com' &&
        url.pathname === '/mail/u/0/' &&
        url.searchParams.get('view') === 'pt' &&
        r.frame() !== null
      );
    };
    expect(network.filter((r) => !allowed(r)).map((r) => `${r.resourceType()} ${r.url()}`)).toEqual(
      [],
    );
    expect(
      network
        .filter((r) => r.resourceType() !== 'document')
        .map((r) => new URL(r.url()).searchParams.get('permthid')),
    ).toEqual(['thread-f:1847819342906399008']);
    expect(sockets).toEqual([]);
  });
});
