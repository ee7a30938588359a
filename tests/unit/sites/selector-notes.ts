import { readFileSync } from 'node:fs';

/**
 * The fallbacks of a selector table written without their note: each one ends its line with
 * "// seen <date> · in <root>" (or "reported <date> …" for one no fixture shows yet), the
 * date it was last seen and the element it is queried from, as InboxSDK notes its selectors.
 */
export function undatedFallbacks(path: string, table: Record<string, readonly string[]>): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const noted = /\/\/ (seen|reported) \d{4}-\d{2}(-\d{2})?\b.* · in \S/;
  return Object.entries(table).flatMap(([name, fallbacks]) =>
    fallbacks.flatMap((fallback) => {
      const line = lines.find((l) => l.trimStart().startsWith(`'${fallback}',`));
      return line && noted.test(line) ? [] : [`${name}: ${fallback}`];
    }),
  );
}
