import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_TEXTS_EN } from '../../domain/stages';
import { BANT_KEYS, BANT_STATES, CHANNELS, DEAL_STATUSES } from '../../domain/types';
import { bantPromptKey } from '../../domain/bant';

const catalog = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

describe('message catalogs', () => {
  const languages = readdirSync('public/_locales');

  it('speaks English, Turkish and Finnish', () => {
    expect(languages.sort()).toEqual(['en', 'fi', 'tr']);
  });

  it('has every English string in every language, and nothing English lacks', () => {
    const english = Object.keys(catalog('en')).sort();
    for (const lang of languages) expect(Object.keys(catalog(lang)).sort(), lang).toEqual(english);
  });

  it('uses only keys the browser accepts, and no empty strings', () => {
    for (const lang of languages) {
      for (const [key, { message }] of Object.entries(catalog(lang))) {
        expect(key, lang).toMatch(/^[A-Za-z0-9_]+$/);
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('holds the default pipeline and BANT prompts the sales rules ask for', () => {
    const en = catalog('en');
    for (const [key, text] of Object.entries(DEFAULT_STAGE_TEXTS_EN))
      expect(en[key]?.message, key).toBe(text);
    for (const key of BANT_KEYS) expect(en[bantPromptKey(key)], key).toBeDefined();
    expect(catalog('tr').stage_qualification_name?.message).toBe('Potansiyel müşteri belirleme');
    expect(catalog('fi').stage_closing_name?.message).toBe('Kaupan päättäminen');
  });
});

describe('strings the UI asks for', () => {
  it('are all in the catalog', async () => {
    const { execSync } = await import('node:child_process');
    const used = execSync(`grep -rhoE "\\bt\\('[A-Za-z_]+'" components entrypoints sites`, {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map((m) => m.slice(3, -1));
    const en = catalog('en');
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((key) => !en[key])).toEqual([]);
  });

  it('include a name for every channel, status, BANT item and state, and cadence state', () => {
    const en = catalog('en');
    const keys = [
      ...CHANNELS.map((c) => `channel_${c}`),
      ...DEAL_STATUSES.map((s) => `status_${s}`),
      ...BANT_KEYS.map((k) => `bant_${k}`),
      ...BANT_STATES.map((s) => `bant_state_${s}`),
      ...['on_track', 'due', 'overdue', 'snoozed', 'closed'].map((s) => `cadence_${s}`),
      ...['gmail_thread', 'linkedin_profile', 'linkedin_conversation'].map((k) => `link_kind_${k}`),
    ];
    expect(keys.filter((key) => !en[key])).toEqual([]);
  });
});
