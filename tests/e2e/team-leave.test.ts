import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openView, startExtension, type Extension } from './harness';
import { startCouchServer, type CouchServer } from './couch-server';
import { TEAM_DB, joinTeam, send, syncNow, type Rep } from './team-helpers';

// Leaving a team gives the server's host back: the browser no longer lets Threadline reach it,
// and Threadline sends it nothing more.
//
// This test runs the build as it ships, the host only an optional permission. An automated
// Chromium cannot click "Allow" in the permission prompt, so the host is first added on
// chrome://extensions, as a rep adds a site under the extension's "Site access" (that page's
// own developerPrivate.addHostPermission). Chromium then answers Threadline's request at
// joining without a prompt, as for any host the rep granted before; the request still comes
// from the rep's click on "Join".

const HOST = 'http://127.0.0.1/*';

/** Adds the host on chrome://extensions, as the rep does under "Site access". */
async function allowOnExtensionsPage(ext: Extension, host: string): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto('chrome://extensions/');
  const problem = await page.evaluate(
    ([id, pattern]) =>
      new Promise<string | null>((resolve) => {
        const api = (chrome as unknown as Record<string, unknown>).developerPrivate as {
          addHostPermission(id: string, host: string, done: () => void): void;
        };
        api.addHostPermission(id!, pattern!, () =>
          resolve(chrome.runtime.lastError?.message ?? null),
        );
      }),
    [ext.extensionId, host],
  );
  await page.close();
  if (problem) throw new Error(`chrome://extensions refused the host: ${problem}`);
}

function holdsHost(page: Page): Promise<boolean> {
  return page.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), HOST);
}

describe('leaving the team', () => {
  let server: CouchServer;
  let rep: Rep;

  beforeAll(async () => {
    server = await startCouchServer();
    await server.addUser('ayse', 'ayse-secret');
    await server.createDatabase(TEAM_DB);
    const ext = await startExtension({ allowOrigins: [server.url] });
    await allowOnExtensionsPage(ext, HOST);
    rep = { ext, dashboard: await ext.extensionPage('dashboard.html#settings') };
  });

  afterAll(async () => {
    await rep?.ext.close();
    await server?.close();
  });

  it('holds the server’s host only once the rep joins', async () => {
    await expect(holdsHost(rep.dashboard)).resolves.toBe(false);
    await joinTeam(rep, server.url, 'ayse', 'ayse-secret');
    await expect(holdsHost(rep.dashboard)).resolves.toBe(true);
    await send(rep.dashboard, { type: 'deal.create', input: { title: 'Initech rollout' } });
    await syncNow(rep);
    expect(server.requests.some((line) => line.startsWith(`POST /${TEAM_DB}/_bulk_docs`))).toBe(
      true,
    );
  });

  it('gives the host back on "Leave team", and reaches the server no more', async () => {
    await openView(rep.dashboard, 'settings');
    await rep.dashboard.locator('.team-status button').nth(1).click();
    await rep.dashboard.locator('form.team-join').waitFor();
    await expect.poll(() => holdsHost(rep.dashboard)).toBe(false);
    const heard = server.requests.length;

    // Work goes on: new deals, a "sync" asked for, the schedule's alarm time passing.
    await send(rep.dashboard, { type: 'deal.create', input: { title: 'Globex renewal' } });
    await send(rep.dashboard, { type: 'team.sync' });
    const alarm = await rep.ext.inWorker(() => chrome.alarms.get('team-sync'), null);
    expect(alarm ?? null).toBeNull();
    // Longer than the pause after a change before a round starts.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(server.requests.slice(heard)).toEqual([]);
    await expect(
      send<{ team: unknown }>(rep.dashboard, { type: 'team.status' }).then((s) => s.team),
    ).resolves.toBeNull();
  });
});
