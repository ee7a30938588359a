// Code that runs in Gmail's and LinkedIn's pages uses the browser's own promise-based API
// (Chrome MV3 and Firefox both have one): the polyfill would cost the content scripts 3 KB gzip.
import { browser } from 'wxt/browser';
import { formatMessage, type MessageCatalog } from './message-catalog';

/**
 * The catalog of the language the rep chose in Settings, or null to follow the browser's
 * language through browser.i18n (which cannot be switched at runtime).
 */
let chosenCatalog: MessageCatalog | null = null;

/** Makes every later t() speak `catalog`'s language; null goes back to the browser's. */
export function setCatalog(catalog: MessageCatalog | null): void {
  chosenCatalog = catalog;
}

/**
 * A UI string in the chosen language, or the browser's (English, Turkish or Finnish), from
 * _locales. A key the chosen catalog lacks comes from the browser's; a key missing
 * everywhere comes back as itself, so it is visible rather than blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return (
    (chosenCatalog && formatMessage(chosenCatalog, key, substitutions)) ||
    browserMessage(key, substitutions) ||
    key
  );
}

// Each browser.i18n.getMessage() goes through the extension's bindings (a panel's deal card
// asks for dozens of strings per draw, the dominant cost of drawing it), and the browser's
// language does not change while a page lives: a plain string is asked for once.
const browserStrings = new Map<string, string>();

function browserMessage(key: string, substitutions?: string | string[]): string {
  const asked = key as Parameters<typeof browser.i18n.getMessage>[0];
  if (substitutions !== undefined) return browser.i18n.getMessage(asked, substitutions);
  let message = browserStrings.get(key);
  if (message === undefined) {
    message = browser.i18n.getMessage(asked);
    if (message) browserStrings.set(key, message);
  }
  return message;
}

/**
 * The language the UI speaks: the catalog its strings came from (each catalog names itself),
 * so dates and numbers never come out in another language than the words around them.
 */
export function uiLanguage(): 'en' | 'tr' | 'fi' {
  const lang = t('ui_language');
  return lang === 'tr' || lang === 'fi' ? lang : 'en';
}

// Built once per language: a board draws a count per column on every render.
const pluralRules = new Map<string, Intl.PluralRules>();

/** A count in words: `${key}_one` or `${key}_other` by the language's plural rules. */
export function plural(key: string, count: number): string {
  const lang = uiLanguage();
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, String(count));
}
