import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openView } from './harness';
import type { CouchServer } from './couch-server';
import { dealRecord, seedRecords } from './seed';
import { fillJoinForm, send, startTeamOfTwo, type Rep, type TeamOfTwo } from './team-helpers';

const DEALS = 300;

/**
 * The team server as one browser reaches it, through a door that counts: every request, and
 * the long polls of the changes feed still open.
 */
interface CountingDoor {
  url: string;
  requests: number;
  openPolls: number;
  close(): Promise<void>;
}

async function countingDoor(target: string): Promise<CountingDoor> {
  const { hostname, port } = new URL(target);
  const door: CountingDoor = { url: '', requests: 0, openPolls: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    door.requests++;
    const poll = /feed=longpoll/.test(req.url ?? '');
    if (poll) door.openPolls++;
    res.on('close', () => poll && door.openPolls--);
    const upstream = forward(
      { hostname, port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  door.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  door.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return door;
}

/** Notes every value the first sync's bar shows, until told to stop. */
function watchProgressBar(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: { done: number; total: number }[] = [];
    Object.assign(globalThis, { progressSeen: seen });
    const look = () => {
      const bar = document.querySelector<HTMLProgressElement>('.team-progress progress');
      const last = seen.at(-1);
      if (bar && (last?.done !== bar.value || last?.total !== bar.max))
        seen.push({ done: bar.value, total: bar.max });
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { progressSeen: { done: number; total: number }[] }).progressSeen,
  );

describe('a team pipeline kept live between two browsers', () => {
  let team: TeamOfTwo;
  let server: CouchServer;
  let door: CountingDoor;
  let laptop: Rep;
  let desktop: Rep;

  beforeAll(async () => {
    team = await startTeamOfTwo(async (server) => {
      door = await countingDoor(server.url);
      return { allowOrigins: [door.url] };
    });
    ({
      server,
      reps: [laptop, desktop],
    } = team);
  });

  afterAll(async () => {
    await team?.close();
    await door?.close();
  });

  it('shows the first sync’s progress until every document is sent, then received', async () => {
    const deals = Array.from({ length: DEALS }, (_, i) =>
      dealRecord({ id: `seeded-${i}`, title: `Seeded deal ${i}`, daysAgo: 3 }),
    );
    await seedRecords(laptop.dashboard, 'deals', deals);
    for (const [rep, name, url] of [
      [laptop, 'ayse', server.url],
      [desktop, 'mikko', door.url],
    ] as const) {
      await rep.dashboard.reload();
      await openView(rep.dashboard, 'settings');
      await watchProgressBar(rep.dashboard);
      await fillJoinForm(rep, url, name, `${name}-secret`);
      const bar = rep.dashboard.locator('.team-progress');
      await expect
        .poll(() => bar.textContent(), { timeout: 30_000 })
        .toMatch(/^First sync done: [\d,]+ records$/);
      const seen = await progressSeen(rep.dashboard);
      const last = seen.at(-1)!;
      // Every deal went one way or the other, with the team's settings beside them.
      expect(last.total).toBeGreaterThanOrEqual(DEALS);
      expect(last.done).toBe(last.total);
      // The bar only ever moves forward.
      for (let i = 1; i < seen.length; i++)
        expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    }
    await expect(
      send<unknown[]>(desktop.dashboard, { type: 'deal.search', query: 'Seeded deal 299' }),
    ).resolves.toHaveLength(1);
  });

  it('shows a teammate’s edit in the open deal page within five seconds, no “Sync now”', async () => {
    const page = await desktop.ext.extensionPage('dashboard.html#deal/seeded-7');
    const heading = page.locator('#deal-detail-heading');
    await expect.poll(() => heading.textContent()).toBe('Seeded deal 7');
    const edited = Date.now();
    await send(laptop.dashboard, {
      type: 'deal.update',
      input: { id: 'seeded-7', patch: { title: 'Seeded deal 7, renamed on the laptop' } },
    });
    await expect
      .poll(() => heading.textContent(), { timeout: 5_000, interval: 50 })
      .toBe('Seeded deal 7, renamed on the laptop');
    expect(Date.now() - edited).toBeLessThan(5_000);
    await page.close();
  });

  it('stops following the server’s changes when the rep leaves the team', async () => {
    // While in the team, a long poll of the changes feed is open.
    await expect.poll(() => door.openPolls, { timeout: 10_000 }).toBeGreaterThan(0);
    await openView(desktop.dashboard, 'settings');
    await desktop.dashboard.getByRole('button', { name: 'Leave team' }).click();
    await desktop.dashboard.locator('form.team-join').waitFor();
    await expect.poll(() => door.openPolls).toBe(0);
    const requestsAfterLeaving = door.requests;
    // A teammate's change no longer wakes anything here.
    await send(laptop.dashboard, {
      type: 'deal.update',
      input: { id: 'seeded-8', patch: { title: 'Seeded deal 8, renamed after mikko left' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(door.requests).toBe(requestsAfterLeaving);
    expect(door.openPolls).toBe(0);
  });
});
