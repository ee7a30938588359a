import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openView } from './harness';
import type { CouchServer } from './couch-server';
import {
  TEAM_DB,
  joinTeam,
  send,
  syncNow,
  serverDocIds,
  startTeamOfTwo,
  type Rep,
  type TeamOfTwo,
} from './team-helpers';

type DealReply = {
  deal: { id: string; title: string; value: number; touchCount: number; private?: boolean };
};

const TITLE = 'Quiet acquisition talk';

function touchOn(dealId: string, sourceKey: string, hoursAgo: number) {
  return {
    dealId,
    channel: 'email',
    direction: 'inbound',
    at: Date.now() - hoursAgo * 3_600_000,
    sourceKey,
    note: '',
  };
}

/** Ticks or clears "Keep this deal private" on the deal's page, as the rep does. */
async function keepPrivate(page: Page, keep: boolean) {
  const box = page.locator('input[name="deal-private"]');
  await box.waitFor();
  if ((await box.isChecked()) !== keep) await box.click();
  await expect.poll(() => box.isChecked()).toBe(keep);
}

describe('a deal a rep keeps private, in a team', () => {
  let team: TeamOfTwo;
  let server: CouchServer;
  let ayse: Rep;
  let mikko: Rep;
  let dealId: string;

  beforeAll(async () => {
    team = await startTeamOfTwo();
    ({
      server,
      reps: [ayse, mikko],
    } = team);
  });

  afterAll(() => team?.close());

  it('starts as a deal both reps have and worked on', async () => {
    await joinTeam(ayse, server.url, 'ayse', 'ayse-secret');
    await joinTeam(mikko, server.url, 'mikko', 'mikko-secret');
    // Ayşe's deal, which Mikko worked on too (his edit and his touch): both have all of it.
    const made = await send<DealReply>(ayse.dashboard, {
      type: 'deal.create',
      input: { title: TITLE, company: 'Target Oy', value: 90_000 },
    });
    dealId = made.deal.id;
    await send(ayse.dashboard, {
      type: 'objection.log',
      input: { dealId, kind: 'price', words: 'Needs board approval first' },
    });
    await syncNow(ayse);
    await syncNow(mikko);
    await send(mikko.dashboard, {
      type: 'deal.update',
      input: { id: dealId, patch: { value: 95_000 } },
    });
    await send(mikko.dashboard, {
      type: 'touch.record',
      input: touchOn(dealId, 'gmail:msg-f:1790000000000000101', 5),
    });
    await syncNow(mikko);
    await syncNow(ayse);
    const here = await send<DealReply>(ayse.dashboard, { type: 'deal.get', dealId });
    expect(here.deal).toMatchObject({ touchCount: 1, value: 95_000 });
  });

  it('marked private on its page, it carries a mark there and on the board', async () => {
    const page = await ayse.ext.extensionPage(`dashboard.html#deal/${dealId}`);
    await keepPrivate(page, true);
    await expect
      .poll(() => page.locator('.detail-state .private-mark').textContent())
      .toBe('private');
    await page.close();
    await openView(ayse.dashboard, 'board');
    const card = ayse.dashboard.locator(`button.card[data-deal-id="${dealId}"]`);
    await expect.poll(() => card.locator('.private-mark').textContent()).toBe('private');
  });

  it('leaves the teammate’s pipeline with a notice, and stays whole for the rep', async () => {
    await syncNow(ayse);
    await syncNow(mikko);
    await expect(
      send<unknown[]>(mikko.dashboard, { type: 'deal.search', query: 'Quiet' }),
    ).resolves.toEqual([]);
    await openView(mikko.dashboard, 'settings');
    await mikko.dashboard
      .locator('.team-notices li', {
        hasText: `“${TITLE}” was deleted by a teammate. Or they made it private`,
      })
      .waitFor();

    // Ayşe's next rounds bring nothing that takes it from her.
    await syncNow(ayse);
    const here = await send<DealReply>(ayse.dashboard, { type: 'deal.get', dealId });
    expect(here.deal).toMatchObject({ title: TITLE, touchCount: 1, private: true });
    const page = await ayse.ext.extensionPage(`dashboard.html#deal/${dealId}`);
    await expect
      .poll(() => page.locator('ol.timeline li.event-objection').allTextContents())
      .toEqual([expect.stringContaining('Needs board approval first')]);
    await page.close();
  });

  it('never sends the rep’s new touches on it to the server', async () => {
    await send(ayse.dashboard, {
      type: 'touch.record',
      input: touchOn(dealId, 'gmail:msg-f:1790000000000000102', 1),
    });
    await syncNow(ayse);
    const ids = await serverDocIds(server);
    expect(ids).not.toContain('touch:gmail:msg-f:1790000000000000102');
    const { rows } = await server.get<{ rows: { doc: unknown }[] }>(
      `/${TEAM_DB}/_all_docs?include_docs=true`,
    );
    expect(JSON.stringify(rows)).not.toContain('1790000000000000102');
    const onServer = await server.get<{ deleted: unknown }>(`/${TEAM_DB}/deal:${dealId}`);
    expect(onServer.deleted).not.toBeNull();
    const here = await send<DealReply>(ayse.dashboard, { type: 'deal.get', dealId });
    expect(here.deal.touchCount).toBe(2);
  });

  it('shared again, it goes back to the team in full', async () => {
    const page = await ayse.ext.extensionPage(`dashboard.html#deal/${dealId}`);
    await keepPrivate(page, false);
    await expect.poll(() => page.locator('.detail-state .private-mark').count()).toBe(0);
    await page.close();
    await syncNow(ayse);
    await syncNow(mikko);
    const there = await send<DealReply>(mikko.dashboard, { type: 'deal.get', dealId });
    expect(there.deal).toMatchObject({ title: TITLE, touchCount: 2 });
    await openView(mikko.dashboard, 'settings');
    await mikko.dashboard
      .locator('.team-notices li', { hasText: `“${TITLE}” came back` })
      .waitFor();
  });
});
