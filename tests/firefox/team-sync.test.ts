import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ask, startFirefox, type FirefoxExtension } from './harness';
import { startCouchServer, type CouchServer } from '../e2e/couch-server';

// Firefox in a team: it joins the team's CouchDB (the tests' stand-in, bound to 127.0.0.1),
// sends what the rep makes and takes what the team changed.
//
// Joining asks the browser for the server's host (an optional host permission). Firefox shows
// that prompt unless `extensions.webextOptionalPermissionPrompts` is false, which is how
// Firefox's own add-on tests answer it: the request is then granted as an "Allow" click
// would grant it. The request still needs the rep's click (a user input handler), and the
// test clicks "Join" with real input. So the Firefox build is tested as it ships, without
// the Chromium tests' copy that lists the host in its manifest (tests/e2e/team-helpers.ts).

const TEAM_DB = 'acme-sales';
const ROUND = { timeout: 20_000, interval: 250 };

type Status = { team: unknown; running: boolean; lastSyncAt: number | null; error: unknown };

/** Types into a field of the page as the rep does, replacing what it held. */
async function fill(page: Page, selector: string, text: string) {
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Clicks an element's middle with the mouse. */
async function click(page: Page, selector: string) {
  const box = await page.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

describe('Firefox: a team pipeline on the team’s own CouchDB', () => {
  let server: CouchServer;
  let ext: FirefoxExtension;
  let settings: Page;
  let dealId: string;

  const status = () => ask<Status>(ext, { type: 'team.status' }).then((reply) => reply.data);

  /** Clicks "Sync now" and waits for the round to end without an error. */
  async function syncNow() {
    const before = (await status()).lastSyncAt ?? 0;
    await click(settings, '.team-status button');
    await expect
      .poll(async () => {
        const now = await status();
        return now.running || (now.lastSyncAt ?? 0) <= before ? 'running' : JSON.stringify(now);
      }, ROUND)
      .toMatch(/"error":null/);
  }

  beforeAll(async () => {
    server = await startCouchServer();
    await server.addUser('ayse', 'ayse-secret');
    await server.createDatabase(TEAM_DB);
    ext = await startFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    settings = await ext.extensionPage('dashboard.html#settings');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('joins the team from Settings, with the server’s host granted for it', async () => {
    await settings.waitForSelector('form.team-join');
    await fill(settings, 'input[name="team-server"]', server.url);
    await fill(settings, 'input[name="team-database"]', TEAM_DB);
    await fill(settings, 'input[name="team-name"]', 'ayse');
    await fill(settings, 'input[name="team-password"]', 'ayse-secret');
    await click(settings, 'form.team-join button[type="submit"]');
    await expect
      .poll(
        () => settings.$eval('[data-sync-status]', (el) => el.textContent).catch(() => ''),
        ROUND,
      )
      .toContain('Last synced');
    const granted = await ext.inExtension(
      () =>
        (
          globalThis as unknown as {
            browser: { permissions: { contains(p: object): Promise<boolean> } };
          }
        ).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      null,
    );
    expect(granted).toBe(true);
  });

  it('sends a deal made in Firefox to the team’s server', async () => {
    const made = await ask<{ deal: { id: string } }>(ext, {
      type: 'deal.create',
      input: { title: 'Wayne Enterprises pilot', company: 'Wayne', value: 30_000 },
    });
    dealId = made.data.deal.id;
    await syncNow();
    const doc = await server.get<{ fields: { title: { v: string }; value: { v: number } } }>(
      `/${TEAM_DB}/deal:${dealId}`,
    );
    expect({ title: doc.fields.title.v, value: doc.fields.value.v }).toEqual({
      title: 'Wayne Enterprises pilot',
      value: 30_000,
    });
  });

  it('takes a change a teammate made on the server at "Sync now"', async () => {
    type Doc = { _rev: string; fields: Record<string, { v: unknown; at: number; by: string }> };
    const doc = await server.get<Doc>(`/${TEAM_DB}/deal:${dealId}`);
    const later = { at: Date.now() + 1_000, by: 'teammate-browser' };
    await server.put(`/${TEAM_DB}/deal:${dealId}`, {
      ...doc,
      fields: {
        ...doc.fields,
        title: { v: 'Wayne Enterprises: 200 seats', ...later },
        value: { v: 64_000, ...later },
      },
    });
    await syncNow();
    const here = await ask<{ deal: { title: string; value: number } }>(ext, {
      type: 'deal.get',
      dealId,
    });
    expect({ title: here.data.deal.title, value: here.data.deal.value }).toEqual({
      title: 'Wayne Enterprises: 200 seats',
      value: 64_000,
    });
    const board = await ext.extensionPage('dashboard.html#board');
    await expect
      .poll(() =>
        board.$$eval('button.card .card-title', (cards) => cards.map((c) => c.textContent)),
      )
      .toContain('Wayne Enterprises: 200 seats');
  });
});
