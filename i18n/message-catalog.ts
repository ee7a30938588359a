// One _locales/<lang>/messages.json catalog, and how the browser's i18n turns one of its
// entries into text. Used when the rep picks a language other than the browser's, which
// browser.i18n.getMessage cannot do.

/** The languages Threadline ships catalogs for. */
export const CATALOG_LANGUAGES = ['en', 'tr', 'fi'] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageCatalog = Record<string, CatalogEntry>;

/**
 * The message `key` of `catalog` with chrome.i18n's semantics: named placeholders
 * (`$NAME$`, case-insensitive) become their `content`, then `$1`…`$9` become the
 * substitutions (missing ones become empty) and `$$` becomes `$`. Substituted text is never
 * read again, so a `$1` typed by the rep stays as typed. Undefined when the key is missing.
 */
export function formatMessage(
  catalog: MessageCatalog,
  key: string,
  substitutions?: string | string[],
): string | undefined {
  const entry = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : undefined;
  if (!entry || typeof entry.message !== 'string') return undefined;
  const named = lowerCaseKeys(entry.placeholders ?? {});
  const withPlaceholders = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => named[name.toLowerCase()]?.content ?? whole,
  );
  const values =
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions];
  return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
  );
}

function lowerCaseKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
