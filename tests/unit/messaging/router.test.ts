import { describe, expect, it } from 'vitest';
import { handleMessage, type RouterOptions } from '../../../background/router';
import { readFileSync } from 'node:fs';
import { updateSettings } from '../../../storage/settings';
import type { MessageCatalog } from '../../../i18n/message-catalog';
import { fullingStore, testStore } from '../storage/test-store';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;

function options(): RouterOptions {
  return {
    ctx: testStore(),
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    version: '1.2.3',
    openDashboard: async () => {},
    openDeal: async () => {},
    loadCatalog: async (language) =>
      JSON.parse(
        readFileSync(`public/_locales/${language}/messages.json`, 'utf8'),
      ) as MessageCatalog,
  };
}
const gmailTab = { id: OWN_ID, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg' };

/** A deal made through the router, as a panel makes one; its id. */
async function createdDeal(opts: RouterOptions, input: object): Promise<string> {
  const reply = await handleMessage({ type: 'deal.create', input }, gmailTab, opts);
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.data as { deal: { id: string } }).deal.id;
}

describe('the background router', () => {
  it('answers our own pages and our content scripts on Gmail and LinkedIn', async () => {
    const opts = options();
    for (const url of [
      `${OWN_ORIGIN}/dashboard.html`,
      gmailTab.url,
      'https://www.linkedin.com/in/ada/',
    ]) {
      expect(await handleMessage({ type: 'ping' }, { id: OWN_ID, url }, opts)).toEqual({
        ok: true,
        data: { version: '1.2.3' },
      });
    }
  });

  it('refuses other extensions, other sites and look-alike hosts', async () => {
    const opts = options();
    const senders = [
      { id: 'another-extension', url: gmailTab.url },
      { id: OWN_ID, url: 'https://evil.example/' },
      { id: OWN_ID, url: 'https://mail.google.com.evil.example/' },
      { id: OWN_ID, url: 'http://mail.google.com/' },
      { id: OWN_ID },
      {},
    ];
    for (const sender of senders) {
      const reply = await handleMessage({ type: 'ping' }, sender, opts);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('answers unknown and malformed requests with an error, not a crash', async () => {
    const opts = options();
    for (const raw of [
      null,
      42,
      'ping',
      {},
      { type: 'drop.tables' },
      { type: 'deal.get' },
      { type: 'deal.get', dealId: 7 },
    ]) {
      const reply = await handleMessage(raw, gmailTab, opts);
      expect(reply).toMatchObject({ ok: false, error: { code: 'malformed' } });
    }
    const reply = await handleMessage(
      { type: 'deal.create', input: { title: '' } },
      gmailTab,
      opts,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'malformed', message: expect.stringContaining('request.input.title') },
    });
  });

  it('creates a deal, finds it by its thread, and records touches through requests', async () => {
    const opts = options();
    const link = {
      kind: 'gmail-thread',
      account: 'rep@example.com',
      externalId: 'thread-f:99',
      label: 'Hello',
    };
    const created = await handleMessage(
      { type: 'deal.create', input: { title: 'Acme', links: [link] } },
      gmailTab,
      opts,
    );
    if (!created.ok) throw new Error(created.error.message);
    const view = created.data as {
      deal: { id: string };
      stageName: string;
      gaps: string[];
      cadence: { state: string };
    };
    expect(view.stageName).toBe('Prospecting');
    expect(view.gaps).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(view.cadence.state).toBe('on-track');

    const found = await handleMessage(
      { type: 'deal.forKey', key: 'gmail:rep@example.com:thread-f:99' },
      gmailTab,
      opts,
    );
    expect(found).toMatchObject({ ok: true, data: { deal: { id: view.deal.id } } });
    const missing = await handleMessage(
      { type: 'deal.forKey', key: 'gmail:rep@example.com:thread-f:1' },
      gmailTab,
      opts,
    );
    expect(missing).toEqual({ ok: true, data: null });

    const touch = {
      dealId: view.deal.id,
      channel: 'email',
      direction: 'outbound',
      at: 1,
      sourceKey: 'gmail:msg-f:5',
    };
    expect(
      await handleMessage({ type: 'touch.record', input: touch }, gmailTab, opts),
    ).toMatchObject({ ok: true, data: { created: true } });
    expect(
      await handleMessage({ type: 'touch.record', input: touch }, gmailTab, opts),
    ).toMatchObject({ ok: true, data: { created: false } });

    const taken = await handleMessage(
      { type: 'link.add', dealId: view.deal.id, link },
      gmailTab,
      opts,
    );
    expect(taken).toMatchObject({ ok: true });
    const other = await handleMessage(
      { type: 'deal.create', input: { title: 'Other', links: [link] } },
      gmailTab,
      opts,
    );
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'already-linked', message: 'This is already linked to the deal "Acme"' },
    });
  });

  it("answers the next page's deal before it writes the last page's messages", async () => {
    const opts = options();
    const dealFor = (thread: string) => {
      const link = { kind: 'gmail-thread', account: 'rep@example.com', externalId: thread };
      return createdDeal(opts, { title: thread, links: [{ ...link, label: thread }] });
    };
    const read = await dealFor('thread-f:1');
    await dealFor('thread-f:2');
    const order: string[] = [];
    // The rep leaves a thread as its panel writes its messages, and opens the next one a
    // moment later.
    const written = handleMessage(
      {
        type: 'touches.sync',
        inputs: [
          { dealId: read, channel: 'email', direction: 'inbound', at: 1, sourceKey: 'gmail:1' },
        ],
      },
      gmailTab,
      opts,
    ).then((reply) => order.push(`written ${reply.ok}`));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = handleMessage(
      { type: 'deal.forKey', key: 'gmail:rep@example.com:thread-f:2' },
      gmailTab,
      opts,
    ).then((reply) => order.push(`next deal ${reply.ok}`));
    await Promise.all([written, next]);
    expect(order).toEqual(['next deal true', 'written true']);
    expect((await opts.ctx.db.deals.get(read))?.touchCount).toBe(1);
  });

  it('runs writes one at a time, in the order they came, and answers reads meanwhile', async () => {
    const opts = options();
    const dealId = await createdDeal(opts, { title: 'Globex' });
    const order: string[] = [];
    const ask = (request: object, name: string) =>
      handleMessage(request, gmailTab, opts).then((reply) => order.push(`${name} ${reply.ok}`));
    // The page's messages wait a moment for panel reads (background/page-touches-wait.ts):
    // the write sent after them waits for them, the read does not.
    const touch = { dealId, channel: 'email', direction: 'inbound', at: 1, sourceKey: 'gmail:1' };
    await Promise.all([
      ask({ type: 'touches.sync', inputs: [touch] }, 'page messages'),
      ask({ type: 'deal.update', input: { id: dealId, patch: { value: 5 } } }, 'edit'),
      ask({ type: 'deal.get', dealId }, 'read'),
    ]);
    expect(order).toEqual(['read true', 'page messages true', 'edit true']);
    expect(await opts.ctx.db.deals.get(dealId)).toMatchObject({ touchCount: 1, value: 5 });
  });

  it("tells panels the chosen language and theme, and hands them that language's strings", async () => {
    const opts = options();
    expect(await handleMessage({ type: 'display.prefs' }, gmailTab, opts)).toEqual({
      ok: true,
      data: { language: 'auto', theme: 'auto' },
    });
    await updateSettings(opts.ctx, { language: 'fi', theme: 'dark' });
    expect(await handleMessage({ type: 'display.prefs' }, gmailTab, opts)).toEqual({
      ok: true,
      data: { language: 'fi', theme: 'dark' },
    });
    const catalog = await handleMessage({ type: 'catalog.get', language: 'fi' }, gmailTab, opts);
    expect(catalog).toMatchObject({ ok: true, data: { ui_language: { message: 'fi' } } });
    for (const language of ['auto', 'de', '../../manifest']) {
      expect(await handleMessage({ type: 'catalog.get', language }, gmailTab, opts)).toMatchObject({
        ok: false,
        error: { code: 'malformed' },
      });
    }
  });
  it('tells the rep, in their language, that the disk is full and what to do, and half-writes nothing', async () => {
    const catalog = (language: string) =>
      JSON.parse(
        readFileSync(`public/_locales/${language}/messages.json`, 'utf8'),
      ) as MessageCatalog;
    for (const language of ['en', 'fi', 'tr'] as const) {
      const ctx = fullingStore();
      const opts = { ...options(), ctx };
      await updateSettings(ctx, { language });
      const existing = await handleMessage(
        { type: 'deal.create', input: { title: 'Acme' } },
        gmailTab,
        opts,
      );
      if (!existing.ok) throw new Error(existing.error.message);
      ctx.disk.room = 2; // the deal is written, then the disk is full
      const link = {
        kind: 'gmail-thread',
        account: 'rep@example.com',
        externalId: 'thread-f:99',
        label: 'Hello',
      };
      const reply = await handleMessage(
        {
          type: 'deal.create',
          input: { title: 'Globex', newContacts: [{ name: 'Pekka' }], links: [link] },
        },
        gmailTab,
        opts,
      );
      expect(reply).toEqual({
        ok: false,
        error: { code: 'storage-full', message: catalog(language).storage_full!.message },
      });
      ctx.disk.room = Infinity;
      expect((await ctx.db.deals.toArray()).map((d) => d.title)).toEqual(['Acme']);
      expect(await ctx.db.contacts.count()).toBe(0);
      expect(await ctx.db.links.count()).toBe(0);
    }
  });

  it('refuses a link to anything but its own site, naming the field', async () => {
    const opts = options();
    const dealId = await createdDeal(opts, { title: 'Acme' });
    const link = {
      kind: 'linkedin-profile',
      externalId: 'aino-virtanen',
      url: 'data:text/html,<script>alert(1)</script>',
      label: '',
    };
    const reply = await handleMessage({ type: 'link.add', dealId, link }, gmailTab, opts);
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('link.url') },
    });
    expect(await opts.ctx.db.links.count()).toBe(0);
  });

  it('logs an objection from a panel and answers with the deal as the panel shows it', async () => {
    const opts = options();
    const ask = (request: unknown) => handleMessage(request, gmailTab, opts);
    const created = await ask({ type: 'deal.create', input: { title: 'Acme' } });
    if (!created.ok) throw new Error(created.error.message);
    const dealId = (created.data as { deal: { id: string } }).deal.id;
    const dueAt = opts.ctx.now() + 86_400_000;
    const logged = await ask({
      type: 'objection.log',
      input: { dealId, kind: 'price', words: 'Too much', answerDueAt: dueAt },
    });
    expect(logged).toMatchObject({
      ok: true,
      data: {
        deal: { answerDueAt: dueAt },
        cadence: { dueAt },
        objections: [{ kind: 'price', words: 'Too much', answerDueAt: dueAt }],
      },
    });
    expect(await ask({ type: 'objection.log', input: { dealId, kind: '' } })).toMatchObject({
      ok: false,
      error: { code: 'malformed' },
    });
    expect(await ask({ type: 'objection.answers', kind: 'price' })).toEqual({ ok: true, data: [] });
  });
});
