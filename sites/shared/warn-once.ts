const warned = new Set<string>();

/** One console warning per key and page, never a stream. */
export function warnOnceWith(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`Threadline: ${message}`);
}

/** One clear console warning per problem and page, never a stream. */
export function warnOnce(site: string, problem: string): void {
  warnOnceWith(
    `${site}:${problem}`,
    `cannot read this ${site} page (${problem}). The panel offers linking by hand.`,
  );
}
