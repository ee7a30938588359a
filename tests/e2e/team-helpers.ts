import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from '../../scripts/lib/launch.mjs';
import { openView, startExtension, type Extension, type StartOptions } from './harness';
import { startCouchServer, type CouchServer } from './couch-server';

// A rep's browser in a team, as the team tests drive it: joining in Settings, "Sync now",
// and typed requests from the dashboard.

export const TEAM_DB = 'acme-sales';
/** A round on a busy machine: well above the second or so it takes. */
export const ROUND_TIMEOUT = { timeout: 20_000, interval: 200 };

/**
 * The extension as a rep has it once they allowed the team's server. An automated Chromium
 * cannot answer the browser's own permission prompt, so this copy has the loopback host
 * granted from the start; Threadline's request for it then resolves at once, as a click
 * on "Allow" would.
 */
export function buildWithServerAllowed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-team-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export interface Rep {
  ext: Extension;
  dashboard: Page;
}

/** A rep's browser with the team build, its dashboard open on Settings. */
export async function startRep(
  extensionDir: string,
  server: string,
  options: StartOptions = {},
): Promise<Rep> {
  const allowOrigins = [server, ...(options.allowOrigins ?? [])];
  const ext = await startExtension({ ...options, extensionDir, allowOrigins });
  return { ext, dashboard: await ext.extensionPage('dashboard.html#settings') };
}

export async function send<T>(page: Page, message: unknown): Promise<T> {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply?.ok) throw new Error(`request refused: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

/** Fills the join form in Settings and presses Join. */
export async function fillJoinForm(rep: Rep, server: string, name: string, password: string) {
  await openView(rep.dashboard, 'settings');
  const form = rep.dashboard.locator('form.team-join');
  await form.locator('input[name="team-server"]').fill(server);
  await form.locator('input[name="team-database"]').fill(TEAM_DB);
  await form.locator('input[name="team-name"]').fill(name);
  await form.locator('input[name="team-password"]').fill(password);
  await form.getByRole('button').click();
}

/** Joins the team in Settings and waits for the first round to end. */
export async function joinTeam(rep: Rep, server: string, name: string, password: string) {
  await fillJoinForm(rep, server, name, password);
  await expect
    .poll(() => rep.dashboard.locator('[data-sync-status]').textContent(), ROUND_TIMEOUT)
    .toContain('Last synced');
}

type Status = { running: boolean; lastSyncAt: number | null; error: unknown };

/** Clicks "Sync now" and waits until the round is over without an error. */
export async function syncNow(rep: Rep) {
  const status = () => send<Status>(rep.dashboard, { type: 'team.status' });
  const before = (await status()).lastSyncAt ?? 0;
  await openView(rep.dashboard, 'settings');
  await rep.dashboard.locator('.team-status button').first().click();
  await expect
    .poll(async () => {
      const now = await status();
      return now.running || (now.lastSyncAt ?? 0) <= before ? 'running' : JSON.stringify(now);
    }, ROUND_TIMEOUT)
    .toMatch(/"error":null/);
}

/** A deal as the worker answers for it. */
export type DealView = { deal: { id: string; title: string; owner: string | null } };

const DAY = 86_400_000;

/** A deal whose last touch, an email the rep sent, is weeks old: overdue for its owner. */
export async function overdueDeal(rep: Rep, input: object, sourceKey: string): Promise<string> {
  const { deal } = await send<DealView>(rep.dashboard, { type: 'deal.create', input });
  await send(rep.dashboard, {
    type: 'touch.record',
    input: {
      dealId: deal.id,
      channel: 'email',
      direction: 'outbound',
      at: Date.now() - 20 * DAY,
      sourceKey,
    },
  });
  return deal.id;
}

/** The ids of every document the team's server holds, deleted ones left out. */
export async function serverDocIds(server: {
  get<T>(path: string): Promise<T>;
}): Promise<string[]> {
  const { rows } = await server.get<{ rows: { id: string }[] }>(`/${TEAM_DB}/_all_docs`);
  return rows.map((row) => row.id);
}

/** The team's server with its database and two members, each in a browser of their own. */
export interface TeamOfTwo {
  server: CouchServer;
  /** Ayşe's browser, then Mikko's (their passwords: "<name>-secret"). */
  reps: [Rep, Rep];
  close(): Promise<void>;
}

/** Starts a team of two; `options` may name pages to serve or more origins to reach. */
export async function startTeamOfTwo(
  options: (server: CouchServer) => StartOptions | Promise<StartOptions> = () => ({}),
): Promise<TeamOfTwo> {
  const server = await startCouchServer();
  await server.addUser('ayse', 'ayse-secret');
  await server.addUser('mikko', 'mikko-secret');
  await server.createDatabase(TEAM_DB);
  const extensionDir = buildWithServerAllowed();
  const startOptions = await options(server);
  const reps: [Rep, Rep] = [
    await startRep(extensionDir, server.url, startOptions),
    await startRep(extensionDir, server.url, startOptions),
  ];
  return {
    server,
    reps,
    async close() {
      for (const rep of reps) await rep.ext.close();
      await server.close();
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}
