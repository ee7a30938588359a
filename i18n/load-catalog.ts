import browser from 'webextension-polyfill';
import { setCatalog } from './i18n';
import type { CatalogLanguage, MessageCatalog } from './message-catalog';
import type { Settings } from '../storage/schemas';

// For the worker and the extension's pages only; content scripts ask the worker (the page's
// origin cannot read our files, and the catalogs must stay out of their bundles).
//
// The catalog is read from the packaged _locales file rather than imported into the bundle:
// the files ship anyway for browser.i18n, so importing them would carry all three languages
// twice in every page and the worker, while a fetch of our own packaged file (a
// chrome-extension:// address, never the network) reads just the one chosen.

const loaded = new Map<CatalogLanguage, Promise<MessageCatalog>>();

/** The packaged catalog of `language`, read once per context. */
export function loadCatalog(language: CatalogLanguage): Promise<MessageCatalog> {
  let catalog = loaded.get(language);
  if (!catalog) {
    catalog = fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/'))
      .then((response) => {
        if (!response.ok) throw new Error(`No catalog for ${language}`);
        return response.json() as Promise<MessageCatalog>;
      })
      .catch((error: unknown) => {
        loaded.delete(language);
        throw error;
      });
    loaded.set(language, catalog);
  }
  return catalog;
}

let latestRequest = 0;

/**
 * Makes t() speak the language setting: a catalog of its own, or the browser's for auto.
 * When the setting changes again while a catalog loads, the later choice wins.
 */
export async function applyLanguageSetting(language: Settings['language']): Promise<void> {
  const request = ++latestRequest;
  const catalog = language === 'auto' ? null : await loadCatalog(language);
  if (request === latestRequest) setCatalog(catalog);
}
