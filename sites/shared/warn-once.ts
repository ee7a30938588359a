const warned = new Set<string>();

/** One clear console warning per problem and page, never a stream. */
export function warnOnce(site: string, problem: string): void {
  const key = `${site}:${problem}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`Threadline: cannot read this ${site} page (${problem}). The panel offers linking by hand.`);
}
