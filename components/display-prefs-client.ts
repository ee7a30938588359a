import { request } from '../messaging/client';
import type { DisplayPrefs } from '../messaging/replies';
import { setCatalog } from '../i18n/i18n';

// For content scripts and the popup, which reach the settings through the background: the
// language's catalog comes from there too, so no catalog is bundled into a content script.

let applied: DisplayPrefs | null = null;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Asks the background for the rep's language and theme and makes t() speak that language.
 * Resolves to the settings and whether they differ from the last ones applied. Calls are
 * taken one at a time, so a slow answer never overwrites a newer one.
 */
export function syncDisplayPrefs(): Promise<{ prefs: DisplayPrefs; changed: boolean }> {
  const next = queue.then(async () => {
    const prefs = await request({ type: 'display.prefs' });
    if (prefs.language !== applied?.language) {
      setCatalog(
        prefs.language === 'auto'
          ? null
          : await request({ type: 'catalog.get', language: prefs.language }),
      );
    }
    const changed = applied?.language !== prefs.language || applied?.theme !== prefs.theme;
    applied = prefs;
    return { prefs, changed };
  });
  queue = next.catch(() => {});
  return next;
}
