/** The dashboard's views, each named by its address (`dashboard.html#board`). */
export const VIEWS = [
  'queue',
  'board',
  'metrics',
  'objections',
  'deals',
  'settings',
  'data',
] as const;
export type View = (typeof VIEWS)[number];

/** One view, or one deal (null when the address names none that could exist). */
export type Route = { view: View } | { dealId: string | null };

/**
 * What the address shows: one view (#board), or one deal (#deal/<id>); the queue by default.
 * The hash is whatever was typed, bookmarked or linked: an id whose `%` escapes do not decode
 * (#deal/%E0%A4%A) names no deal, and the dashboard says it was not found.
 */
export function readRoute(hash: string): Route {
  const route = hash.replace(/^#/, '');
  if (route.startsWith('deal/')) {
    try {
      return { dealId: decodeURIComponent(route.slice('deal/'.length)) };
    } catch {
      return { dealId: null };
    }
  }
  return { view: VIEWS.find((view) => view === route) ?? 'queue' };
}
