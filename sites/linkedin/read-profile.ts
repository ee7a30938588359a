import { queryAllFirst, queryFirst } from '../shared/query';
import { parseLinkedInRoute } from './route';
import { LINKEDIN } from './selectors';

export interface LinkedInProfile {
  slug: string;
  /** The canonical address: https://www.linkedin.com/in/<slug>/ */
  profileUrl: string;
  name: string;
  headline: string;
  /** Empty when the page shows no current company: left for the rep, never guessed. */
  company: string;
  location: string;
}

export type ProfileReading = { kind: 'profile'; profile: LinkedInProfile } | { kind: 'unreadable'; missing: string; slug: string; profileUrl: string };

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** "Current company: Acme Oy. Click to skip to experience card" → "Acme Oy" (any language). */
function companyFromLabel(label: string | null): string {
  return label?.split(/[:：]/)[1]?.split(/\.\s/)[0]?.trim() ?? '';
}

/** The 2026 top card: an h2 name, then lines: degree, headline, company, location, contact info. */
function readTopCard(card: Element): Omit<LinkedInProfile, 'slug' | 'profileUrl'> | null {
  const name = text(queryFirst(card, LINKEDIN.topCardName));
  if (!name) return null;
  const contact = card.querySelector('a[href*="contact-info"]');
  const lines = queryAllFirst(card, LINKEDIN.topCardLines)
    // The connection degree ("· 2nd", "· 1.") is not part of the person.
    .filter((p) => text(p) !== '' && !/^[·•]/.test(text(p)))
    .filter((p) => !contact || (!p.contains(contact) && p.compareDocumentPosition(contact) & Node.DOCUMENT_POSITION_FOLLOWING));
  const [headline, ...rest] = lines.map(text);
  if (contact) {
    // Location is the line just before "Contact info"; a line between it and the headline is the company.
    const location = rest.length > 0 ? rest[rest.length - 1]! : '';
    const company = rest.length > 1 ? rest[rest.length - 2]! : '';
    return { name, headline: headline ?? '', company, location };
  }
  // Without the anchor, only a full set of lines can be told apart.
  return rest.length >= 2 ? { name, headline: headline ?? '', company: rest[0]!, location: rest[1]! } : { name, headline: headline ?? '', company: '', location: '' };
}

function namesAnotherProfile(top: Element, slug: string): boolean {
  return Array.from(top.querySelectorAll('a[href*="/in/"]')).some((a) => {
    const route = parseLinkedInRoute(new URL(a.getAttribute('href') ?? '', 'https://www.linkedin.com/'));
    return route.kind === 'profile' && route.slug !== slug;
  });
}

/** The person on a profile page, from either layout. */
export function readLinkedInProfile(document: Document, location: Pick<Location, 'pathname'>): ProfileReading | null {
  const route = parseLinkedInRoute(location);
  if (route.kind !== 'profile') return null;
  const { slug, profileUrl } = route;
  const card = queryFirst(document, LINKEDIN.topCard);
  const older = queryFirst(document, LINKEDIN.profileName);
  // After a single-page navigation the previous person's card can still be on the page under
  // the new address: its links name the other profile. Never read one person as another.
  const top = card ?? older?.closest('section');
  if (top && namesAnotherProfile(top, slug)) {
    return { kind: 'unreadable', missing: 'profile for this address', slug, profileUrl };
  }
  const fromCard = card && readTopCard(card);
  if (fromCard) return { kind: 'profile', profile: { slug, profileUrl, ...fromCard } };
  const name = text(older);
  if (!name) return { kind: 'unreadable', missing: 'name', slug, profileUrl };
  const button = queryFirst(document, LINKEDIN.profileCompanyButton);
  return {
    kind: 'profile',
    profile: {
      slug,
      profileUrl,
      name,
      headline: text(queryFirst(document, LINKEDIN.profileHeadline)),
      company: text(queryFirst(document, LINKEDIN.profileCompanyText)) || companyFromLabel(button?.getAttribute('aria-label') ?? null),
      location: text(queryFirst(document, LINKEDIN.profileLocation)),
    },
  };
}
