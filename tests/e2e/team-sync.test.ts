import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openView } from './harness';
import { startCouchServer, type CouchServer } from './couch-server';
import { setUpTeam } from '../../scripts/team-admin.mjs';
import {
  ROUND_TIMEOUT,
  TEAM_DB,
  buildWithServerAllowed,
  fillJoinForm,
  joinTeam,
  send,
  startRep,
  syncNow,
  startTeamOfTwo,
  type Rep,
  type TeamOfTwo,
} from './team-helpers';

type DealReply = { deal: { id: string; title: string; value: number; touchCount: number } };

describe('a team pipeline on the team’s own CouchDB', () => {
  let team: TeamOfTwo;
  let server: CouchServer;
  let laptop: Rep;
  let desktop: Rep;

  beforeAll(async () => {
    team = await startTeamOfTwo();
    ({
      server,
      reps: [laptop, desktop],
    } = team);
  });

  afterAll(() => team?.close());

  it('refuses a wrong password in the rep’s words and stores nothing', async () => {
    await fillJoinForm(laptop, server.url, 'ayse', 'not-it');
    const alert = laptop.dashboard.locator('form.team-join [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Wrong name or password.');
    expect(
      (await send<{ team: unknown }>(laptop.dashboard, { type: 'team.status' })).team,
    ).toBeNull();
  });

  it('joins the team on both browsers; a newcomer takes the team’s pipeline settings', async () => {
    // The newcomer had set up a currency of their own before joining.
    await send(desktop.dashboard, { type: 'settings.update', patch: { currency: 'TRY' } });
    for (const [rep, name] of [
      [laptop, 'ayse'],
      [desktop, 'mikko'],
    ] as const) {
      await joinTeam(rep, server.url, name, `${name}-secret`);
    }
    await syncNow(desktop);
    const settings = await send<{ currency: string }>(desktop.dashboard, {
      type: 'settings.update',
      patch: {},
    });
    expect(settings.currency).toBe('EUR');
    // The password is nowhere in what the extension keeps.
    const kept = await laptop.ext.inWorker(() => chrome.storage.local.get(null), null);
    expect(JSON.stringify(kept)).not.toContain('ayse-secret');
  });

  it('brings a deal made on one browser to the other', async () => {
    await send(laptop.dashboard, {
      type: 'deal.create',
      input: { title: 'Initech rollout', company: 'Initech', value: 12_000 },
    });
    await syncNow(laptop);
    await syncNow(desktop);
    await openView(desktop.dashboard, 'deals');
    // A teammate's deal: listed under the team's deals.
    await desktop.dashboard
      .getByRole('radiogroup', { name: 'Whose deals' })
      .getByLabel('Team')
      .check();
    await desktop.dashboard.getByText('Initech rollout').first().waitFor();
  });

  it('sends a change to the server by itself, moments after it is made', async () => {
    const { deal } = await send<DealReply>(laptop.dashboard, {
      type: 'deal.create',
      input: { title: 'Vandelay imports' },
    });
    await expect
      .poll(
        async () => {
          const { rows } = await server.get<{ rows: { id: string }[] }>(`/${TEAM_DB}/_all_docs`);
          return rows.map((row) => row.id);
        },
        { timeout: 10_000 },
      )
      .toContain(`deal:${deal.id}`);
  });

  it('merges edits made at the same time on both browsers field by field', async () => {
    const [found] = await send<{ id: string }[]>(desktop.dashboard, {
      type: 'deal.search',
      query: 'Initech',
    });
    const dealId = found!.id;
    // Neither browser has seen the other's edit when it makes its own.
    await send(laptop.dashboard, {
      type: 'deal.update',
      input: { id: dealId, patch: { title: 'Initech rollout, phase 1' } },
    });
    await send(desktop.dashboard, {
      type: 'deal.update',
      input: { id: dealId, patch: { value: 18_500 } },
    });
    await syncNow(laptop);
    await syncNow(desktop);
    await syncNow(laptop);
    // A round the live feed started may end just before the one asked for: both browsers
    // come to the same deal within a round or two.
    for (const rep of [laptop, desktop]) {
      await expect
        .poll(async () => {
          const { deal } = await send<DealReply>(rep.dashboard, { type: 'deal.get', dealId });
          return { title: deal.title, value: deal.value };
        }, ROUND_TIMEOUT)
        .toEqual({ title: 'Initech rollout, phase 1', value: 18_500 });
    }
    // No version of the deal is left in conflict on the server.
    const doc = await server.get<{ _conflicts?: string[] }>(
      `/${TEAM_DB}/deal:${dealId}?conflicts=true`,
    );
    expect(doc._conflicts ?? []).toEqual([]);
  });

  it('counts a message recorded in both browsers once, on both', async () => {
    const [found] = await send<{ id: string }[]>(laptop.dashboard, {
      type: 'deal.search',
      query: 'Initech',
    });
    const touch = {
      dealId: found!.id,
      channel: 'email',
      direction: 'outbound',
      at: Date.now() - 3_600_000,
      sourceKey: 'gmail:msg-f:1790000000000000001',
      note: '',
    };
    await send(laptop.dashboard, { type: 'touch.record', input: touch });
    await send(desktop.dashboard, { type: 'touch.record', input: touch });
    await syncNow(laptop);
    await syncNow(desktop);
    await syncNow(laptop);
    for (const rep of [laptop, desktop]) {
      const { deal } = await send<DealReply>(rep.dashboard, {
        type: 'deal.get',
        dealId: found!.id,
      });
      expect(deal.touchCount).toBe(1);
    }
    const { rows } = await server.get<{ rows: { id: string }[] }>(`/${TEAM_DB}/_all_docs`);
    expect(rows.filter((row) => row.id.startsWith('touch:'))).toHaveLength(1);
  });

  it('shows an objection and its promised answer from one browser on the other, due there too', async () => {
    // The desktop's rep owns the deal (their queue is their own deals); the laptop's logs it.
    const { deal } = await send<DealReply>(desktop.dashboard, {
      type: 'deal.create',
      input: { title: 'Stark Industries renewal', company: 'Stark' },
    });
    await syncNow(desktop);
    await syncNow(laptop);
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    await send(laptop.dashboard, {
      type: 'objection.log',
      input: {
        dealId: deal.id,
        kind: 'price',
        words: 'Twice what we pay today',
        answerDueAt: today.getTime(),
      },
    });
    await syncNow(laptop);
    await syncNow(desktop);
    const there = await send<{ deal: { answerDueAt: number | null } }>(desktop.dashboard, {
      type: 'deal.get',
      dealId: deal.id,
    });
    expect(there.deal.answerDueAt).toBe(today.getTime());

    await openView(desktop.dashboard, 'objections');
    const price = desktop.dashboard.locator('.cheat-kind[data-kind="price"]');
    await expect
      .poll(() => price.locator('.cheat-heard q').allTextContents())
      .toEqual(['Twice what we pay today']);
    await expect(price.textContent()).resolves.toContain('0 won · 0 lost · 1 still open');
    await openView(desktop.dashboard, 'queue');
    const dueToday = desktop.dashboard.getByRole('region', { name: 'Due today' });
    await expect
      .poll(() => dueToday.locator('li .title').allTextContents())
      .toContain('Stark Industries renewal');

    const page = await desktop.ext.extensionPage(`dashboard.html#deal/${deal.id}`);
    await expect
      .poll(() => page.locator('ol.timeline li.event-objection').allTextContents())
      .toEqual([expect.stringContaining('Objection: Price · “Twice what we pay today”')]);
    await page.close();
  });

  it('tells the rep when a teammate deleted a deal they had', async () => {
    const created = await send<DealReply>(desktop.dashboard, {
      type: 'deal.create',
      input: { title: 'Umbrella pilot' },
    });
    await syncNow(desktop);
    await syncNow(laptop);
    await send(desktop.dashboard, {
      type: 'deal.delete',
      dealId: created.deal.id,
      confirm: true,
    });
    await syncNow(desktop);
    await syncNow(laptop);
    await expect(
      send<DealReply[]>(laptop.dashboard, { type: 'deal.search', query: 'Umbrella' }),
    ).resolves.toEqual([]);
    await openView(laptop.dashboard, 'settings');
    await laptop.dashboard
      .locator('.team-notices li', { hasText: '“Umbrella pilot” was deleted by a teammate.' })
      .waitFor();
  });

  it('keeps working offline: changes wait, and go when the server is back', async () => {
    server.pause();
    await send(laptop.dashboard, {
      type: 'deal.create',
      input: { title: 'Hooli expansion', value: 40_000 },
    });
    await openView(laptop.dashboard, 'settings');
    await laptop.dashboard.locator('.team-status button').first().click();
    await laptop.dashboard
      .locator('.team-status [role="alert"]', { hasText: 'The server can’t be reached.' })
      .waitFor();
    await expect
      .poll(() => laptop.dashboard.locator('[data-sync-status]').textContent())
      .toMatch(/Changes waiting: [1-9]/);
    server.resume();
    await syncNow(laptop);
    await syncNow(desktop);
    const found = await send<unknown[]>(desktop.dashboard, {
      type: 'deal.search',
      query: 'Hooli',
    });
    expect(found).toHaveLength(1);
  });

  it('sets aside a malformed document from the server, names it, and applies the rest', async () => {
    await server.put(`/${TEAM_DB}/deal:broken`, {
      kind: 'deal',
      fields: { title: { v: 42, at: Date.now(), by: 'elsewhere' } },
      deleted: null,
    });
    await server.put(`/${TEAM_DB}/contact:not-a-record`, { kind: 'contact', fields: 'nonsense' });
    await syncNow(laptop);
    const status = await send<{ setAside: { id: string }[] }>(laptop.dashboard, {
      type: 'team.status',
    });
    expect(status.setAside.map((s) => s.id).sort()).toEqual([
      'contact:not-a-record',
      'deal:broken',
    ]);
    await laptop.dashboard.locator('.team-notices li', { hasText: 'deal:broken' }).waitFor();
    await expect(
      send<unknown[]>(laptop.dashboard, { type: 'deal.search', query: 'Hooli' }),
    ).resolves.toHaveLength(1);
  });

  it('says which change the server refused, and why', async () => {
    await server.put(`/${TEAM_DB}/_design/rules`, {
      validate_doc_update: `function (doc) {
        if (doc.fields && doc.fields.title && /Forbidden/.test(doc.fields.title.v))
          throw { forbidden: 'titles may not say Forbidden' };
      }`,
    });
    const { deal } = await send<DealReply>(laptop.dashboard, {
      type: 'deal.create',
      input: { title: 'Forbidden fruit' },
    });
    await openView(laptop.dashboard, 'settings');
    await laptop.dashboard.locator('.team-status button').first().click();
    const alert = laptop.dashboard.locator('.team-status [role="alert"]', {
      hasText: 'The server refused some changes:',
    });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`deal:${deal.id}`);
    expect(await alert.textContent()).toContain('titles may not say Forbidden');
  });

  it('picks up where it stopped when the browser stops the worker mid-sync', async () => {
    const COUNT = 150;
    await laptop.dashboard.evaluate(async (count) => {
      for (let i = 0; i < count; i++) {
        const title = `Batch ${String(i).padStart(3, '0')} order`;
        await chrome.runtime.sendMessage({ type: 'deal.create', input: { title } });
      }
    }, COUNT);
    await openView(laptop.dashboard, 'settings');
    void laptop.dashboard.locator('.team-status button').first().click();
    await new Promise((resolve) => setTimeout(resolve, 150));
    // What the browser does to an extension's worker whenever it likes.
    const cdp = await laptop.ext.context.newCDPSession(laptop.dashboard);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string; targetId: string }[];
    };
    const worker = targetInfos.find((t) => t.type === 'service_worker')!;
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await syncNow(laptop);
    await syncNow(desktop);
    const { rows } = await server.get<{ rows: { doc: { fields: { title?: { v: string } } } }[] }>(
      `/${TEAM_DB}/_all_docs?include_docs=true`,
    );
    const batch = rows.filter((row) => /^Batch \d{3} order$/.test(row.doc.fields?.title?.v ?? ''));
    expect(batch).toHaveLength(COUNT);
    for (const title of ['Batch 000 order', 'Batch 077 order', 'Batch 149 order']) {
      await expect(
        send<unknown[]>(desktop.dashboard, { type: 'deal.search', query: title }),
      ).resolves.toHaveLength(1);
    }
  });

  it('leaves the team: the sync stops and the join form is back', async () => {
    await openView(desktop.dashboard, 'settings');
    await desktop.dashboard.locator('.team-status button').nth(1).click();
    await desktop.dashboard.locator('form.team-join').waitFor();
    expect(
      (await send<{ team: unknown }>(desktop.dashboard, { type: 'team.status' })).team,
    ).toBeNull();
  });
});

describe('a team database set up with the admin kit: members, roles and the server’s rules', () => {
  let server: CouchServer;
  let extensionDir: string;
  let lead: Rep;
  let member: Rep;

  beforeAll(async () => {
    server = await startCouchServer();
    await server.addAdmin('root', 'root-secret');
    await setUpTeam({
      server: server.url,
      admin: { name: 'root', password: 'root-secret' },
      database: TEAM_DB,
      members: [
        { name: 'ayse', password: 'ayse-secret', lead: true },
        { name: 'mikko', password: 'mikko-secret' },
      ],
    });
    extensionDir = buildWithServerAllowed();
    const start = () => startRep(extensionDir, server.url);
    lead = await start();
    member = await start();
  });

  afterAll(async () => {
    await lead?.ext.close();
    await member?.ext.close();
    await server?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('syncs a member’s work under the rules, with nothing refused', async () => {
    for (const [rep, name] of [
      [lead, 'ayse'],
      [member, 'mikko'],
    ] as const) {
      await joinTeam(rep, server.url, name, `${name}-secret`);
    }
    await send(member.dashboard, { type: 'deal.create', input: { title: 'Soylent trial' } });
    await syncNow(member);
    await syncNow(lead);
    await expect(
      send<unknown[]>(lead.dashboard, { type: 'deal.search', query: 'Soylent' }),
    ).resolves.toHaveLength(1);
  });

  it('asks for the password again when the server ended the session, and carries on', async () => {
    // The session ends (it timed out on the server, or was ended there).
    await member.ext.inWorker(
      (url) => fetch(`${url}/_session`, { method: 'DELETE', credentials: 'include' }).then(() => 0),
      server.url,
    );
    await send(member.dashboard, { type: 'deal.create', input: { title: 'Massive Dynamic' } });
    await openView(member.dashboard, 'settings');
    await member.dashboard.locator('.team-status button').first().click();
    const form = member.dashboard.locator('form.team-sign-in');
    await form.waitFor({ timeout: 20_000 });
    await form.locator('input[name="team-password"]').fill('mikko-secret');
    await form.getByRole('button').click();
    await expect
      .poll(
        () => send<{ error: unknown; pending: number }>(member.dashboard, { type: 'team.status' }),
        ROUND_TIMEOUT,
      )
      .toMatchObject({ error: null, pending: 0 });
    await syncNow(lead);
    await expect(
      send<unknown[]>(lead.dashboard, { type: 'deal.search', query: 'Massive' }),
    ).resolves.toHaveLength(1);
  });
});
