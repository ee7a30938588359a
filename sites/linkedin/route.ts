export type LinkedInRoute =
  | { kind: 'profile'; slug: string; profileUrl: string }
  | { kind: 'conversation'; conversationId: string }
  | { kind: 'other' };

/** What a LinkedIn address shows: a profile (and its sub-pages), a conversation, or else. */
export function parseLinkedInRoute(location: Pick<Location, 'pathname'>): LinkedInRoute {
  const profile = location.pathname.match(/^\/in\/([^/]+)\/?/);
  if (profile) {
    const slug = decodeURIComponent(profile[1]!).toLowerCase();
    return { kind: 'profile', slug, profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(slug)}/` };
  }
  const conversation = location.pathname.match(/^\/messaging\/thread\/([^/]+)\/?/);
  if (conversation) return { kind: 'conversation', conversationId: decodeURIComponent(conversation[1]!) };
  return { kind: 'other' };
}

/** The canonical profile address of any link to a profile, or null. */
export function canonicalProfileUrl(href: string): string | null {
  try {
    const url = new URL(href, 'https://www.linkedin.com/');
    const route = parseLinkedInRoute(url);
    return url.hostname.endsWith('linkedin.com') && route.kind === 'profile' ? route.profileUrl : null;
  } catch {
    return null;
  }
}
