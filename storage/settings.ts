import { DEFAULT_CADENCE } from '../domain/cadence';
import { defaultStages, DEFAULT_STAGE_TEXTS_EN } from '../domain/stages';
import { validated } from './errors';
import { settingsSchema, type Settings } from './schemas';
import type { StoreContext } from './db';

export type Translate = (key: string) => string;

const english: Translate = (key) => DEFAULT_STAGE_TEXTS_EN[key] ?? key;

export function defaultSettings(translate: Translate = english): Settings {
  return {
    key: 'main',
    stages: defaultStages((key) => translate(key) || english(key)),
    cadence: { ...DEFAULT_CADENCE },
    currency: 'EUR',
    notifications: true,
    language: 'auto',
    theme: 'auto',
    linkedinAutoLink: false,
    linkedinUnlinked: [],
    teamMember: null,
    formerTeamMember: null,
  };
}

/**
 * The settings record, created on first use. Default stage names are written in the
 * language the browser speaks then, and from there on they are the rep's own to rename.
 */
export function getSettings(ctx: StoreContext, translate?: Translate): Promise<Settings> {
  const { db } = ctx;
  return db.transaction('rw', db.settings, async () => {
    const stored = await db.settings.get('main');
    if (stored) return stored;
    const fresh = validated('settings', settingsSchema, defaultSettings(translate));
    await db.settings.put(fresh);
    return fresh;
  });
}

/** The settings without writing anything: for read-only queries such as liveQuery. */
export async function readSettings(ctx: StoreContext): Promise<Settings> {
  return (await ctx.db.settings.get('main')) ?? defaultSettings();
}

export function updateSettings(
  ctx: StoreContext,
  patch: Partial<Omit<Settings, 'key'>>,
): Promise<Settings> {
  const { db } = ctx;
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(ctx);
    const next = validated('settings', settingsSchema, { ...current, ...patch, key: 'main' });
    await db.settings.put(next);
    return next;
  });
}
