import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, ThreadlineDB } from '../../../storage/db';
import {
  contactSchema,
  dealSchema,
  linkSchema,
  settingsSchema,
  stageChangeSchema,
  touchSchema,
} from '../../../storage/schemas';
import * as v1 from '../../fixtures/schema/v1';
import * as v2 from '../../fixtures/schema/v2';
import * as v3 from '../../fixtures/schema/v3';
import * as v4 from '../../fixtures/schema/v4';

const FIXTURES = [v1, v2, v3, v4];

const currentSchemas = {
  deals: dealSchema,
  contacts: contactSchema,
  links: linkSchema,
  touches: touchSchema,
  stageHistory: stageChangeSchema,
  settings: settingsSchema,
};

describe('schema migrations', () => {
  it('still declares every published version exactly as it was, and has a fixture for each', () => {
    expect(SCHEMA_VERSIONS).toEqual(FIXTURES.map(({ version, stores }) => ({ version, stores })));
  });

  it.each(FIXTURES)(
    'upgrades a version-$version database and keeps every record, valid under today’s schemas',
    async (fixture) => {
      const name = `threadline-v${fixture.version}-${Math.random()}`;
      const old = new Dexie(name);
      old.version(fixture.version).stores(fixture.stores);
      await old.open();
      for (const [table, rows] of Object.entries(fixture.data))
        await old.table(table).bulkAdd(rows);
      old.close();

      const db = new ThreadlineDB(name);
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
    const name = `threadline-v3-member-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v3.version).stores(v3.stores);
    await old.open();
    for (const [table, rows] of Object.entries(v3.data)) await old.table(table).bulkAdd(rows);
    old.close();
    const db = new ThreadlineDB(name);
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
});
