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

const currentSchemas = {
  deals: dealSchema,
  contacts: contactSchema,
  links: linkSchema,
  touches: touchSchema,
  stageHistory: stageChangeSchema,
  settings: settingsSchema,
};

describe('schema migrations', () => {
  it('still declares version 1 exactly as it was published', () => {
    expect(SCHEMA_VERSIONS[0]).toEqual({ version: v1.version, stores: v1.stores });
  });

  it('opens a version-1 database with data and keeps every record, valid under today’s schemas', async () => {
    const name = `threadline-v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v1.version).stores(v1.stores);
    await old.open();
    for (const [table, rows] of Object.entries(v1.data)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = new ThreadlineDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const [table, rows] of Object.entries(v1.data)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      for (const row of stored) {
        const schema = currentSchemas[table as keyof typeof currentSchemas];
        expect(schema.safeParse(row).success, `${table} ${JSON.stringify(row).slice(0, 80)}`).toBe(true);
      }
    }
    // The unique indexes still hold the records that use them.
    expect(await db.touches.where('sourceKey').equals('gmail:msg-f:1').count()).toBe(1);
    expect((await db.contacts.where('linkedinUrl').equals('https://www.linkedin.com/in/ada-lovelace/').first())?.name).toBe('Ada Lovelace');
    db.close();
  });
});
