import { useEffect, useState } from 'preact/hooks';
import type { DisplayPrefs } from '../../messaging/replies';
import { uiLanguage } from '../../i18n/i18n';
import { applyLanguageSetting } from '../../i18n/load-catalog';

/** Puts the theme setting on the page's root element, where the style sheet reads it. */
export function applyPageTheme(theme: DisplayPrefs['theme']): void {
  document.documentElement.dataset.theme = theme;
}

/** Makes t() speak the language setting and labels the page with that language. */
export async function applyPageLanguage(language: DisplayPrefs['language']): Promise<void> {
  await applyLanguageSetting(language);
  document.documentElement.lang = uiLanguage();
}

/**
 * Follows the language and theme settings in an extension page: when either changes, the
 * page takes it on and the calling component renders again, with every string in the new
 * language. The first settings should be applied before the first render (see the pages'
 * main), so nothing shows in the wrong language even for a moment.
 */
export function usePageDisplay(prefs: DisplayPrefs | undefined): void {
  const [, setShownLanguage] = useState<string>('');
  const language = prefs?.language;
  const theme = prefs?.theme;
  useEffect(() => {
    if (!language) return;
    let current = true;
    applyPageLanguage(language)
      .then(() => current && setShownLanguage(language))
      .catch((error) => console.warn('Threadline: could not load the chosen language', error));
    return () => {
      current = false;
    };
  }, [language]);
  useEffect(() => {
    if (theme) applyPageTheme(theme);
  }, [theme]);
}
