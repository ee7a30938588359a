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

/** A count in words: `${key}_one` or `${key}_other` by the language's plural rules. */
export function plural(key: string, count: number): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, String(count));
}
