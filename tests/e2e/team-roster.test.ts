import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../scripts/team-admin.mjs';
import { fromTeammate, teamDealValues } from '../unit/storage/team-records';
import { openView } from './harness';
import { runDueCheck } from './seed';
import type { CouchServer } from './couch-server';
import {
  TEAM_DB,
  joinTeam,
  overdueDeal,
  send,
  startTeamOfTwo,
  syncNow,
  type DealView,
  type Rep,
  type TeamOfTwo,
} from './team-helpers';

// A team set up with the admin kit (scripts/team-admin.mjs) has a roster of its members: a deal
// whose owner is not on it, put on the server behind the team's back, is set aside in each
// browser and named in Settings → Team. A rep who leaves the team keeps counting only their own
// deals: a teammate's stay in the browser, under the board's "Team", out of the queue and badge.

const ADMIN = { name: 'root', password: 'root-secret' };

/** Writes a document straight into the team database as the server's admin. */
async function putAsAdmin(server: CouchServer, id: string, body: unknown): Promise<void> {
  const auth = Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');
  const response = await fetch(`${server.url}/${TEAM_DB}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${auth}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${id}: HTTP ${response.status}`);
}

async function queueTitles(rep: Rep): Promise<string[]> {
  await openView(rep.dashboard, 'queue');
  await rep.dashboard.locator('#queue section, #queue .empty').first().waitFor();
  return rep.dashboard.locator('#queue li .title').allTextContents();
}

async function boardTitles(rep: Rep): Promise<string[]> {
  const titles = await rep.dashboard.locator('#board .card .card-title').allTextContents();
  return titles.sort();
}

describe('the team’s roster, and leaving the team', () => {
  let team: TeamOfTwo;
  let server: CouchServer;
  let ayse: Rep;
  let mikko: Rep;
  let acmeDeal: string;
  let globexDeal: string;

  beforeAll(async () => {
    team = await startTeamOfTwo();
    ({
      server,
      reps: [ayse, mikko],
    } = team);
    // The server as a team runs it: an admin, and the team set up with the admin kit. Aino is
    // a member with no browser here yet.
    await server.addAdmin(ADMIN.name, ADMIN.password);
    await setUpTeam({
      server: server.url,
      admin: ADMIN,
      database: TEAM_DB,
      members: [
        { name: 'ayse', password: 'ayse-secret', lead: true },
        { name: 'mikko', password: 'mikko-secret' },
        { name: 'aino', password: 'aino-secret' },
      ],
    });
  });

  afterAll(() => team?.close());

  it('brings in the team’s own deals, each with its owner', async () => {
    await joinTeam(ayse, server.url, 'ayse', 'ayse-secret');
    await joinTeam(mikko, server.url, 'mikko', 'mikko-secret');
    acmeDeal = await overdueDeal(
      ayse,
      { title: 'Acme rollout' },
      'gmail:msg-f:1790000000000000201',
    );
    globexDeal = await overdueDeal(
      mikko,
      { title: 'Globex pilot' },
      'gmail:msg-f:1790000000000000202',
    );
    await syncNow(ayse);
    await syncNow(mikko);
    const there = await send<DealView>(mikko.dashboard, { type: 'deal.get', dealId: acmeDeal });
    expect(there.deal.owner).toBe('ayse');
    const status = await send<{ setAside: unknown[] }>(mikko.dashboard, { type: 'team.status' });
    expect(status.setAside).toEqual([]);
  });

  it('sets aside a deal whose owner is not on the roster, and names it in Settings', async () => {
    const { record } = fromTeammate('deal', 'planted', {
      ...teamDealValues('Planted deal'),
      owner: 'mallory',
    });
    await putAsAdmin(server, 'deal:planted', { kind: 'deal', ...record });
    await syncNow(mikko);
    await openView(mikko.dashboard, 'settings');
    await mikko.dashboard
      .locator('.team-notices li', {
        hasText:
          'Not applied (checked and set aside): deal:planted — its owner mallory is not on the team’s roster',
      })
      .waitFor();
    await expect(
      send(mikko.dashboard, { type: 'deal.get', dealId: 'planted' }).catch(() => null),
    ).resolves.toBeNull();
  });

  it('offers the roster’s members on the deal page, and hands a deal to no one else', async () => {
    const page = await ayse.ext.extensionPage(`dashboard.html#deal/${acmeDeal}`);
    const owner = page.getByRole('form', { name: 'Owner' });
    await expect
      .poll(async () =>
        (
          await owner
            .locator('#deal-owner-names option')
            .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
        ).sort(),
      )
      .toEqual(['aino', 'mikko']);
    await owner.getByLabel('Hand over to').fill('mallory');
    await owner.getByRole('button', { name: 'Hand over' }).click();
    await expect
      .poll(() => owner.getByRole('alert').textContent())
      .toBe('mallory is not on the team’s roster: hand the deal to a member of the team.');
    await expect(owner.locator('[data-owner]').textContent()).resolves.toBe('ayse');
    await page.close();
  });

  it('after leaving, counts only the rep’s own deals in the queue, the badge and the nudges', async () => {
    await expect.poll(() => queueTitles(mikko)).toEqual(['Globex pilot']);
    await openView(mikko.dashboard, 'settings');
    await mikko.dashboard.getByRole('button', { name: 'Leave team' }).click();
    await mikko.dashboard.locator('form.team-join').waitFor();

    await expect.poll(() => queueTitles(mikko)).toEqual(['Globex pilot']);
    await expect(
      mikko.dashboard.locator('nav.tabs a[href="#queue"] .count').textContent(),
    ).resolves.toBe('1');
    const due = await send<{ deal: { title: string } }[]>(mikko.dashboard, { type: 'due.list' });
    expect(due.map((d) => d.deal.title)).toEqual(['Globex pilot']);

    const { ext } = mikko;
    await ext.inWorker(async () => {
      const shown = await chrome.notifications.getAll();
      await Promise.all(Object.keys(shown).map((id) => chrome.notifications.clear(id)));
      await chrome.storage.local.remove('nudgedOn');
    }, null);
    await runDueCheck(ext.worker);
    await expect
      .poll(() => ext.inWorker(() => chrome.notifications.getAll(), null))
      .toEqual({ [`threadline-deal:${globexDeal}`]: true });
    await expect.poll(() => ext.inWorker(() => chrome.action.getBadgeText({}), null)).toBe('1');
  });

  it('keeps a teammate’s deal in the browser after leaving, with its owner, under “Team”', async () => {
    await openView(mikko.dashboard, 'board');
    const scope = mikko.dashboard.getByRole('radiogroup', { name: 'Whose deals' });
    await scope.getByLabel('Mine').check();
    await expect.poll(() => boardTitles(mikko)).toEqual(['Globex pilot']);
    await scope.getByLabel('Team').check();
    await expect.poll(() => boardTitles(mikko)).toEqual(['Acme rollout', 'Globex pilot']);
    const card = mikko.dashboard.locator('#board .card', { hasText: 'Acme rollout' });
    await expect(card.locator('.card-owner').textContent()).resolves.toBe('Owner: ayse');
  });
});
