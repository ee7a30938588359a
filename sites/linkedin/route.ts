import { isLinkedInMemberId } from '../../domain/link-key';

/** A person as LinkedIn addresses them: by profile slug (lowercased) or member id (exact), or both. */
export interface LinkedInPerson {
  slug: string | null;
  memberId: string | null;
}

export type LinkedInRoute =
  | ({ kind: 'profile'; profileUrl: string } & LinkedInPerson)
  | { kind: 'conversation'; conversationId: string }
  /** A profile or conversation address whose escapes do not decode (/in/%E0%A4%A/). */
  | { kind: 'unreadable' }
  | { kind: 'other' };

/** decodeURIComponent that answers null instead of throwing on a malformed % escape. */
export function decodeSafely(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The canonical profile address of a slug or member id, as contacts and links keep it. */
export const profileUrlOf = (id: string) =>
  `https://www.linkedin.com/in/${encodeURIComponent(id)}/`;

/** The address that opens a messaging conversation by its id. */
export const conversationUrlOf = (id: string) =>
  `https://www.linkedin.com/messaging/thread/${encodeURIComponent(id)}/`;

/** A profile path segment as a person: a member id kept exactly, a slug lowercased. */
function personOf(segment: string): LinkedInPerson | null {
  const id = decodeSafely(segment);
  if (!id) return null;
  return isLinkedInMemberId(id)
    ? { slug: null, memberId: id }
    : { slug: id.toLowerCase(), memberId: null };
}

/** What a LinkedIn address shows: a profile (and its sub-pages), a conversation, or else. */
export function parseLinkedInRoute(location: Pick<Location, 'pathname'>): LinkedInRoute {
  const profile = location.pathname.match(/^\/in\/([^/]+)\/?/);
  if (profile) {
    const person = personOf(profile[1]!);
    return person
      ? { kind: 'profile', profileUrl: profileUrlOf((person.slug ?? person.memberId)!), ...person }
      : { kind: 'unreadable' };
  }
  const conversation = location.pathname.match(/^\/messaging\/thread\/([^/]+)\/?/);
  if (conversation) {
    const conversationId = decodeSafely(conversation[1]!);
    return conversationId ? { kind: 'conversation', conversationId } : { kind: 'unreadable' };
  }
  return { kind: 'other' };
}

/** The person a link to a profile names (/in/<slug>/ or /in/ACoAA…?lipi=…), or null. */
export function personOfHref(href: string | null | undefined): LinkedInPerson | null {
  if (!href) return null;
  try {
    const url = new URL(href, 'https://www.linkedin.com/');
    const segment =
      url.hostname.endsWith('linkedin.com') && url.pathname.match(/^\/in\/([^/]+)/)?.[1];
    return segment ? personOf(segment) : null;
  } catch {
    return null;
  }
}

/** The canonical profile address of any link to a profile, or null. */
export function canonicalProfileUrl(href: string): string | null {
  const person = personOfHref(href);
  return person ? profileUrlOf((person.slug ?? person.memberId)!) : null;
}

/** The same person: ids compared exactly as LinkedIn writes them (slugs in any case). */
export function samePerson(a: LinkedInPerson | null, b: LinkedInPerson | null): boolean {
  return (
    !!a && !!b && ((!!a.slug && a.slug === b.slug) || (!!a.memberId && a.memberId === b.memberId))
  );
}
