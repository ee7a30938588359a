import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { plural, setCatalog, t, uiLanguage } from '../../../i18n/i18n';
import { formatMessage, type MessageCatalog } from '../../../i18n/message-catalog';

const catalog = (lang: string): MessageCatalog =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

describe('formatMessage, as chrome.i18n.getMessage reads a catalog', () => {
  const sample: MessageCatalog = {
    plain: { message: 'Save deal' },
    named: {
      message: 'Moved $DEAL$ to $Stage$',
      placeholders: { deal: { content: '$1' }, STAGE: { content: '$2' } },
    },
    fixed: { message: 'Ask $who$', placeholders: { who: { content: 'who signs off' } } },
    numbered: { message: '$2 before $1' },
    dollars: { message: 'Costs $$5, $$$1', placeholders: {} },
    unknown: { message: 'Keep $NOPE$ as written' },
  };

  it('returns the message, and nothing for a key the catalog lacks', () => {
    expect(formatMessage(sample, 'plain')).toBe('Save deal');
    expect(formatMessage(sample, 'missing')).toBeUndefined();
    expect(formatMessage(sample, 'toString')).toBeUndefined();
  });

  it('fills named placeholders, whatever their case, from the substitutions they point at', () => {
    expect(formatMessage(sample, 'named', ['Acme', 'Proposal'])).toBe('Moved Acme to Proposal');
    expect(formatMessage(sample, 'fixed')).toBe('Ask who signs off');
  });

  it('fills $1…$9, leaves missing ones empty and takes a single string as $1', () => {
    expect(formatMessage(sample, 'numbered', ['one', 'two'])).toBe('two before one');
    expect(formatMessage(sample, 'numbered', 'one')).toBe(' before one');
  });

  it('turns $$ into $ and never reads placeholders inside what was substituted', () => {
    expect(formatMessage(sample, 'dollars', ['9'])).toBe('Costs $5, $9');
    expect(formatMessage(sample, 'named', ['$2 $DEAL$', 'x'])).toBe('Moved $2 $DEAL$ to x');
    expect(formatMessage(sample, 'unknown')).toBe('Keep $NOPE$ as written');
  });

  it('reads the shipped catalogs the way the browser does', () => {
    expect(formatMessage(catalog('fi'), 'follow_up_n', '2')).toBe('Seuranta 2');
    expect(formatMessage(catalog('tr'), 'cannot_read', 'bu konuşmayı')).toContain('bu konuşmayı');
  });
});

describe('t() in a chosen language', () => {
  afterEach(() => {
    setCatalog(null);
    vi.restoreAllMocks();
  });

  it("speaks the browser's language until a catalog is chosen, and the chosen one after", () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string) =>
      key === 'ui_language' ? 'en' : key === 'save' ? 'Save' : '',
    );
    expect(t('save')).toBe('Save');
    expect(uiLanguage()).toBe('en');
    setCatalog(catalog('fi'));
    expect(uiLanguage()).toBe('fi');
    expect(t('follow_up_n', '3')).toBe('Seuranta 3');
    setCatalog(null);
    expect(uiLanguage()).toBe('en');
  });

  it("falls back to the browser's strings for a key the catalog lacks, then to the key itself", () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string) =>
      key === 'only_in_browser' ? 'From the browser' : '',
    );
    setCatalog({ ui_language: { message: 'tr' } });
    expect(t('only_in_browser')).toBe('From the browser');
    expect(t('nowhere')).toBe('nowhere');
  });

  it('counts by the chosen language’s plural rules', () => {
    setCatalog({
      ui_language: { message: 'fi' },
      deals_one: { message: '$1 kauppa' },
      deals_other: { message: '$1 kauppaa' },
    });
    expect(plural('deals', 1)).toBe('1 kauppa');
    expect(plural('deals', 4)).toBe('4 kauppaa');
  });
});
