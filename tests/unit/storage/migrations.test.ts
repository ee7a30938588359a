import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, ThreadlineDB } from '../../../storage/db';
import {
  contactSchema,
  dealSchema,
  linkSchema,
  objectionSchema,
  settingsSchema,
  stageChangeSchema,
  touchSchema,
} from '../../../storage/schemas';
import * as v1 from '../../fixtures/schema/v1';
import * as v2 from '../../fixtures/schema/v2';
import * as v3 from '../../fixtures/schema/v3';
import * as v4 from '../../fixtures/schema/v4';
import * as v5 from '../../fixtures/schema/v5';
import * as v6 from '../../fixtures/schema/v6';
import * as v7 from '../../fixtures/schema/v7';
import * as v8 from '../../fixtures/schema/v8';
import * as v9 from '../../fixtures/schema/v9';
import * as v10 from '../../fixtures/schema/v10';
import * as v11 from '../../fixtures/schema/v11';
import { outboxEntrySchema } from '../../../storage/sync-outbox';
import { dealFactsSchema } from '../../../storage/deal-facts';
import { dealCardSchema } from '../../../storage/deal-cards';
import { metricsFacts, openDealCards, scanDue } from '../../../storage/queries';
import { z } from 'zod';

const FIXTURES = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11];

const currentSchemas = {
  deals: dealSchema,
  contacts: contactSchema,
  links: linkSchema,
  touches: touchSchema,
  stageHistory: stageChangeSchema,
  settings: settingsSchema,
  objections: objectionSchema,
  syncOutbox: outboxEntrySchema,
  dealFacts: dealFactsSchema,
  dealCards: dealCardSchema,
  openMovement: z.object({ key: z.string().regex(/^\d{16} \S+$/) }),
};

type Fixture = (typeof FIXTURES)[number];

/** A database at a fixture's version holding the fixture's records, by its name. */
async function filledDatabase(fixture: Fixture, label: string): Promise<string> {
  const name = `threadline-v${fixture.version}-${label}-${Math.random()}`;
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.data)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

describe('schema migrations', () => {
  it('still declares every published version exactly as it was, and has a fixture for each', () => {
    expect(SCHEMA_VERSIONS).toEqual(FIXTURES.map(({ version, stores }) => ({ version, stores })));
  });

  it.each(FIXTURES)(
    'upgrades a version-$version database and keeps every record, valid under today’s schemas',
    async (fixture) => {
      const db = new ThreadlineDB(await filledDatabase(fixture, 'all'));
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      for (const [table, rows] of Object.entries(fixture.data)) {
        const stored = await db.table(table).toArray();
        expect(stored, table).toHaveLength(rows.length);
        for (const row of stored) {
          const schema = currentSchemas[table as keyof typeof currentSchemas];
          expect(
            schema.safeParse(row).success,
            `${table} ${JSON.stringify(row).slice(0, 80)}`,
          ).toBe(true);
        }
      }
      // The unique indexes still hold the records that use them.
      expect(await db.touches.where('sourceKey').equals('gmail:msg-f:1').count()).toBe(1);
      expect(
        (
          await db.contacts
            .where('linkedinUrl')
            .equals('https://www.linkedin.com/in/ada-lovelace/')
            .first()
        )?.name,
      ).toBe('Ada Lovelace');
      db.close();
    },
  );

  it('finds snoozed deals by the index version 2 added', async () => {
    const name = `threadline-v1-snooze-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    await old.open();
    await old
      .table('deals')
      .bulkAdd(
        v1.data.deals.map((d, i) => ({ ...d, snoozedUntil: i === 0 ? 1_800_000_000_000 : null })),
      );
    old.close();
    const db = new ThreadlineDB(name);
    expect(await db.deals.where('snoozedUntil').above(0).primaryKeys()).toEqual(['deal-1']);
    db.close();
  });

  it('works last movement out again in version 3: a deal created after its last touch has not moved since that touch', async () => {
    const name = `threadline-v2-movement-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v2.version).stores(v2.stores);
    await old.open();
    const [first] = v2.data.deals;
    const created = 1_790_000_000_000;
    const lastTouch = created - 19 * 86_400_000;
    await old.table('deals').add({
      ...first,
      createdAt: created,
      stageChangedAt: created,
      lastTouchAt: lastTouch,
      lastMovementAt: created,
    });
    old.close();
    const db = new ThreadlineDB(name);
    expect((await db.deals.get(first!.id))?.lastMovementAt).toBe(lastTouch);
    expect(
      await db.deals
        .where('[status+lastMovementAt]')
        .between(['open', 0], ['open', created - 1])
        .primaryKeys(),
    ).toEqual([first!.id]);
    db.close();
  });

  it('keeps contacts of version 3 (a profile address, no member id) in version 4, and finds a contact by member id', async () => {
    const db = new ThreadlineDB(await filledDatabase(v3, 'member'));
    const [contact] = await db.contacts.toArray();
    expect(contact).toMatchObject({
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      linkedinMemberId: null,
    });
    expect((await db.settings.get('main'))?.linkedinAutoLink).toBe(false);
    // The new unique index: a member id finds its one contact, and a second contact cannot take it.
    await db.contacts.update(contact!.id, {
      linkedinMemberId: 'ACoAAEryMUEO538iPuC0Eee-MjktXVtom4vyS31',
    });
    expect(
      (
        await db.contacts
          .where('linkedinMemberId')
          .equals('ACoAAEryMUEO538iPuC0Eee-MjktXVtom4vyS31')
          .first()
      )?.name,
    ).toBe('Ada Lovelace');
    await expect(
      db.contacts.add({
        ...contact!,
        id: 'contact-2',
        linkedinUrl: null,
        linkedinMemberId: 'ACoAAEryMUEO538iPuC0Eee-MjktXVtom4vyS31',
      }),
    ).rejects.toThrow();
    db.close();
  });

  it('drops the indexes a compound index covers in version 5, and still finds a deal’s touches, history and the open deals', async () => {
    const db = new ThreadlineDB(await filledDatabase(v4, 'indexes'));
    await db.open();
    const indexes = (table: string) =>
      db
        .table(table)
        .schema.indexes.map((index) => index.name)
        .sort();
    expect(indexes('touches')).toEqual(['[dealId+at]', 'sourceKey']);
    expect(indexes('stageHistory')).toEqual(['[dealId+at]']);
    expect(indexes('deals')).not.toContain('status');
    // Queries by the dropped names are answered from the compound indexes.
    const touches = v4.data.touches.filter((touch) => touch.dealId === 'deal-1');
    expect(touches.length).toBeGreaterThan(0);
    expect(await db.touches.where('dealId').equals('deal-1').count()).toBe(touches.length);
    expect(await db.stageHistory.where('dealId').equals('deal-1').count()).toBe(
      v4.data.stageHistory.filter((change) => change.dealId === 'deal-1').length,
    );
    expect(await db.deals.where('status').equals('open').primaryKeys()).toEqual(
      v4.data.deals.filter((deal) => deal.status === 'open').map((deal) => deal.id),
    );
    db.close();
  });

  it('gives every deal of version 5 no promised answer in version 6, and finds a deal owed an answer by its index', async () => {
    const db = new ThreadlineDB(await filledDatabase(v5, 'objections'));
    await db.open();
    for (const deal of await db.deals.toArray()) expect(deal.answerDueAt).toBeNull();
    expect(await db.objections.count()).toBe(0);
    const [first] = v5.data.deals;
    await db.deals.update(first!.id, { answerDueAt: 1_780_000_000_000 });
    expect(
      await db.deals.where('answerDueAt').belowOrEqual(1_780_000_000_000).primaryKeys(),
    ).toEqual([first!.id]);
    // `status` is still answered from [status+lastMovementAt], every open deal included.
    expect(await db.deals.where('status').equals('open').count()).toBe(
      v5.data.deals.filter((deal) => deal.status === 'open').length,
    );
    db.close();
  });

  it('keeps version 6 objections with their deal, found by [dealId+createdAt] and by kind', async () => {
    const db = new ThreadlineDB(await filledDatabase(v6, 'objections'));
    const dealId = v6.data.objections[0]!.dealId;
    expect(await db.objections.where('dealId').equals(dealId).count()).toBe(1);
    expect(await db.objections.where('kind').equals('price').count()).toBe(1);
    db.close();
  });

  it('starts version 7 with an empty outbox: an upgrade is the same everywhere, not an edit to share', async () => {
    const db = new ThreadlineDB(await filledDatabase(v6, 'outbox'));
    expect(await db.syncOutbox.count()).toBe(0);
    // Once in a team, a write is noted.
    await db.syncOutbox.put({ seq: 0, table: 'team', key: 'joined', at: 1 });
    await db.deals.update(v6.data.deals[0]!.id, { notes: 'after the upgrade' });
    expect(await db.syncOutbox.where('seq').above(0).toArray()).toMatchObject([
      { table: 'deals', key: v6.data.deals[0]!.id },
    ]);
    db.close();
  });
  it('gives every deal of version 7 no owner in version 8, and finds deals by owner from the index', async () => {
    const db = new ThreadlineDB(await filledDatabase(v7, 'owners'));
    await db.open();
    for (const deal of await db.deals.toArray()) expect(deal.owner).toBeNull();
    expect((await db.settings.get('main'))?.teamMember).toBeNull();
    // Deals with no owner are not in the index; an owned one is.
    expect(await db.deals.where('owner').notEqual('mikko').count()).toBe(0);
    const [first] = v7.data.deals;
    await db.deals.update(first!.id, { owner: 'ayse' });
    expect(await db.deals.where('owner').notEqual('mikko').primaryKeys()).toEqual([first!.id]);
    expect(await db.deals.orderBy('owner').uniqueKeys()).toEqual(['ayse']);
    db.close();
  });
  it('works the deal facts of version 8 out in version 9, and the metrics read the same facts as the tables', async () => {
    const db = new ThreadlineDB(await filledDatabase(v8, 'facts'));
    await db.open();
    expect(await db.dealFacts.toArray()).toEqual(v9.data.dealFacts);
    const facts = await metricsFacts({ db, now: Date.now });
    expect(facts.deals.map((d) => d.id)).toEqual(v8.data.deals.map((d) => d.id));
    expect(facts.history).toEqual(
      v8.data.stageHistory.map(({ dealId, from, to, at }) => ({ dealId, from, to, at })),
    );
    db.close();
  });
  it('gives the open deals of version 9 their cards in version 10, and the board reads them', async () => {
    const db = new ThreadlineDB(await filledDatabase(v9, 'cards'));
    await db.open();
    expect(await db.dealCards.toArray()).toEqual(v10.data.dealCards);
    const open = v9.data.deals.filter((deal) => deal.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(v9.data.deals.length);
    const cards = await openDealCards({ db, now: Date.now });
    expect(cards.map((c) => c.title)).toEqual(open.map((deal) => deal.title));
    // Closing a deal afterwards takes its card off the board.
    await db.deals.update(open[0]!.id, { status: 'won', closedAt: Date.now() });
    expect(await openDealCards({ db, now: Date.now })).toHaveLength(open.length - 1);
    db.close();
  });

  it('gives the open deals of version 10 their keys of last movement in version 11, and the due scan reads them', async () => {
    const db = new ThreadlineDB(await filledDatabase(v10, 'movement'));
    await db.open();
    expect(await db.openMovement.toArray()).toEqual(
      [...v11.data.openMovement].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const open = v10.data.dealCards;
    expect(open.length).toBeGreaterThan(0);
    // Long after the fixture's dates, every open deal not snoozed is overdue, oldest movement first.
    const later = Math.max(...open.map((card) => card.lastMovementAt)) + 365 * 86_400_000;
    const { overdue, due } = await scanDue({ db, now: () => later });
    const expected = open
      .filter((card) => !(card.snoozedUntil !== null && card.snoozedUntil > later))
      .sort((a, b) => a.lastMovementAt - b.lastMovementAt)
      .map((card) => card.id);
    expect({ overdue, due }).toEqual({ overdue: expected, due: [] });
    db.close();
  });
});
