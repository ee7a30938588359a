import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openView } from './harness';
import type { CouchServer } from './couch-server';
import { THREAD_A, U0, panel } from './gmail-page';
import {
  joinTeam,
  overdueDeal,
  send,
  syncNow,
  startTeamOfTwo,
  type DealView,
  type Rep,
  type TeamOfTwo,
} from './team-helpers';

// Two reps of one company on the team's CouchDB (the in-test server): whose deal is whose,
// the board's "mine" and "team", each rep's own follow-ups, and the word a rep gets before
// chasing a company a teammate already works.

const PROFILE = 'https://www.linkedin.com/in/aino-virtanen/';

async function queueTitles(rep: Rep): Promise<string[]> {
  await openView(rep.dashboard, 'queue');
  await rep.dashboard.locator('#queue section, #queue .empty').first().waitFor();
  return rep.dashboard.locator('#queue li .title').allTextContents();
}

async function boardTitles(rep: Rep): Promise<string[]> {
  return rep.dashboard.locator('#board .card .card-title').allTextContents();
}

describe('owners of a team’s deals, and each rep’s own follow-ups', () => {
  let team: TeamOfTwo;
  let server: CouchServer;
  let ayse: Rep;
  let mikko: Rep;
  let acmeDeal: string;

  beforeAll(async () => {
    team = await startTeamOfTwo(() => ({
      pages: { [U0]: 'gmail/compose.html', [PROFILE]: 'linkedin/profile.html' },
    }));
    ({
      server,
      reps: [ayse, mikko],
    } = team);
  });

  afterAll(() => team?.close());

  it('makes the deals a rep had before joining theirs, and every new one', async () => {
    const { deal: before } = await send<DealView>(ayse.dashboard, {
      type: 'deal.create',
      input: { title: 'Made before the team' },
    });
    expect(before.owner).toBeNull();
    await joinTeam(ayse, server.url, 'ayse', 'ayse-secret');
    await joinTeam(mikko, server.url, 'mikko', 'mikko-secret');
    const now = await send<DealView>(ayse.dashboard, { type: 'deal.get', dealId: before.id });
    expect(now.deal.owner).toBe('ayse');
    acmeDeal = await overdueDeal(
      ayse,
      { title: 'Acme rollout', company: 'Acme Oy' },
      'gmail:msg-f:1790000000000000101',
    );
    await overdueDeal(mikko, { title: 'Globex pilot' }, 'gmail:msg-f:1790000000000000102');
    await syncNow(ayse);
    await syncNow(mikko);
    const there = await send<DealView>(mikko.dashboard, { type: 'deal.get', dealId: acmeDeal });
    expect(there.deal.owner).toBe('ayse');
  });

  it('shows a teammate’s deal under “team”, not “mine”, and remembers the choice', async () => {
    await openView(mikko.dashboard, 'board');
    const scope = mikko.dashboard.getByRole('radiogroup', { name: 'Whose deals' });
    await expect(scope.getByLabel('Mine').isChecked()).resolves.toBe(true);
    await expect.poll(() => boardTitles(mikko)).toEqual(['Globex pilot']);
    await scope.getByLabel('Team').check();
    await expect
      .poll(async () => (await boardTitles(mikko)).sort())
      .toEqual(['Acme rollout', 'Globex pilot', 'Made before the team']);
    const card = mikko.dashboard.locator('#board .card', { hasText: 'Acme rollout' });
    await expect(card.locator('.card-owner').textContent()).resolves.toBe('Owner: ayse');
    // The deal list takes the same choice, and a new visit starts from it.
    const again = await mikko.ext.extensionPage('dashboard.html#deals');
    await again.locator('table.deals').waitFor();
    await expect.poll(() => again.locator('table.deals tbody tr').count()).toBe(3);
    await again.getByRole('radiogroup', { name: 'Whose deals' }).getByLabel('Mine').check();
    await expect
      .poll(() => again.locator('table.deals tbody tr td:first-child').allTextContents())
      .toEqual(['Globex pilot']);
    await again.close();
  });

  it('keeps a teammate’s overdue deal out of the rep’s queue and due list', async () => {
    await expect.poll(() => queueTitles(ayse)).toContain('Acme rollout');
    await expect.poll(() => queueTitles(mikko)).toEqual(['Globex pilot']);
    const due = await send<{ deal: { title: string } }[]>(mikko.dashboard, { type: 'due.list' });
    expect(due.map((d) => d.deal.title)).toEqual(['Globex pilot']);
    // The queue's count in the tabs is the rep's own too.
    await expect(
      mikko.dashboard.locator('nav.tabs a[href="#queue"] .count').textContent(),
    ).resolves.toBe('1');
  });

  it('warns a rep creating a deal for a company a teammate works, naming the deal and its owner', async () => {
    const page = await mikko.ext.context.newPage();
    await page.goto(THREAD_A);
    const p = panel(page);
    await p.getByRole('button', { name: 'Create deal' }).click();
    const form = p.getByRole('form', { name: 'Create deal' });
    await expect(form.getByLabel('Company').inputValue()).resolves.toBe('Acme');
    await form.getByRole('button', { name: 'Save deal' }).click();
    const warning = form.getByRole('status');
    await expect
      .poll(() => warning.textContent())
      .toContain('ayse already has an open deal for this company: “Acme rollout”.');
    await expect(form.getByRole('button', { name: 'Open it' }).count()).resolves.toBe(1);
    // Nothing was created yet; "Create anyway" does.
    const search = () =>
      send<unknown[]>(mikko.dashboard, { type: 'deal.search', query: 'Pricing' });
    await expect(search()).resolves.toEqual([]);
    await form.getByRole('button', { name: 'Create anyway' }).click();
    await expect.poll(async () => (await search()).length).toBe(1);
    await page.close();
  });

  it('warns on LinkedIn too: adding a prospect at a company with an open deal names it first', async () => {
    const page = await mikko.ext.context.newPage();
    await page.goto(PROFILE);
    const p = panel(page);
    await p.getByRole('button', { name: 'Add prospect' }).click();
    const form = p.getByRole('form', { name: 'Add prospect' });
    await expect(form.getByLabel('Company').inputValue()).resolves.toBe('Acme Oy');
    await form.getByRole('button', { name: 'Save prospect' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toMatch(/already has an open deal for this company: “(Acme rollout|Pricing[^”]*)”\./);
    // Nothing was added yet: the profile belongs to no deal until "Create anyway".
    const profileDeal = () =>
      send<unknown>(mikko.dashboard, {
        type: 'deal.forKey',
        key: 'linkedin-profile:aino-virtanen',
      });
    await expect(profileDeal()).resolves.toBeNull();
    await form.getByRole('button', { name: 'Create anyway' }).click();
    await expect.poll(profileDeal).not.toBeNull();
    await page.close();
  });

  it('hands a deal to a teammate from its page: it joins their queue and leaves the rep’s', async () => {
    const page = await ayse.ext.extensionPage(`dashboard.html#deal/${acmeDeal}`);
    const owner = page.getByRole('form', { name: 'Owner' });
    await expect(owner.locator('[data-owner]').textContent()).resolves.toBe('ayse');
    await owner.getByLabel('Hand over to').fill('mikko');
    await owner.getByRole('button', { name: 'Hand over' }).click();
    await expect.poll(() => owner.locator('[data-owner]').textContent()).toBe('mikko');
    await page.close();
    await expect.poll(() => queueTitles(ayse)).not.toContain('Acme rollout');
    await syncNow(ayse);
    await syncNow(mikko);
    await expect.poll(() => queueTitles(mikko)).toContain('Acme rollout');
  });
});
