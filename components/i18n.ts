import browser from 'webextension-polyfill';

/**
 * A UI string in the browser's language (English, Turkish or Finnish), from _locales.
 * Falls back to the key so a missing string is visible rather than blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
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
