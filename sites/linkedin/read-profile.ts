import { isLinkedInMemberId } from '../../domain/link-key';
import { closestOf, queryAllFirst, queryFirst } from '../shared/query';
import { parseLinkedInRoute, personOfHref, profileUrlOf, type LinkedInPerson } from './route';
import { LINKEDIN } from './selectors';

export interface LinkedInProfile extends LinkedInPerson {
  /** The canonical address: https://www.linkedin.com/in/<slug>/ (or /in/<member id>/ when no slug is shown). */
  profileUrl: string;
  name: string;
  headline: string;
  /** Empty when the page shows no current company: left for the rep, never guessed. */
  company: string;
  location: string;
}

export type ProfileReading =
  | { kind: 'profile'; profile: LinkedInProfile }
  | ({ kind: 'unreadable'; missing: string; profileUrl: string } & LinkedInPerson);

type Fields = Pick<LinkedInProfile, 'name' | 'headline' | 'company' | 'location'>;

const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** "Current company: Acme Oy. Click to skip to experience card" → "Acme Oy" (any language). */
function companyFromLabel(label: string | null): string {
  return label?.split(/[:：]/)[1]?.split(/\.\s/)[0]?.trim() ?? '';
}

/** The text of an element's own <p> children, but the one holding `skip` and bare separators ("·"). */
const lines = (parent: Element | null | undefined, skip?: Element | null) =>
  Array.from(parent?.children ?? [])
    .filter((p) => p.tagName === 'P' && !(skip && p.contains(skip)))
    .map(text)
    .filter((line) => line && !/^[·•]/.test(line));

/**
 * The 2026 top card. Nothing is read by position in the card: it also holds the connection
 * degree twice (one copy hidden), pronouns, counts, mutual connections, promotional lines and
 * a "Company · School" line. The identity block is found from the "Contact info" link: that
 * link's line sits in the location box, whose first line is the location, and the location
 * box's parent holds the headline as its first line. The current company is the pill drawn
 * with a company icon; with no such pill the page states none.
 */
function readTopCard(card: Element): Fields | null {
  const name = text(queryFirst(card, LINKEDIN.topCardName));
  if (!name) return null;
  const contact = queryFirst(card, LINKEDIN.topCardContactInfo);
  const box = contact && closestOf(contact, LINKEDIN.topCardLine)?.parentElement;
  const company = queryFirst(card, LINKEDIN.topCardCompanyIcon);
  return {
    name,
    headline: lines(box?.parentElement)[0] ?? '',
    company: text(
      (company && closestOf(company, LINKEDIN.topCardCompanyPill)) ?? company?.parentElement,
    ),
    location: lines(box, contact)[0] ?? '',
  };
}

/** The member id a profile page carries: in its top card's component key, or its Message link. */
function memberIdOn(card: Element | null, top: Element | null): string | null {
  const key = card?.getAttribute('componentkey') || card?.id;
  const fromKey = key?.match(/ref(ACo[\w-]+?)Topcard$/)?.[1];
  if (fromKey && isLinkedInMemberId(fromKey)) return fromKey;
  for (const link of top ? queryAllFirst(top, LINKEDIN.profileMessageLink) : []) {
    try {
      const params = new URL(link.getAttribute('href') ?? '', 'https://www.linkedin.com/')
        .searchParams;
      const id = params.get('profileUrn')?.split(':').pop() ?? params.get('recipient');
      if (id && isLinkedInMemberId(id)) return id;
    } catch {
      // Not an address: no id here.
    }
  }
  return null;
}

/** The person on a profile page, from either layout. */
export function readLinkedInProfile(
  document: Document,
  location: Pick<Location, 'pathname'>,
): ProfileReading | null {
  const route = parseLinkedInRoute(location);
  if (route.kind !== 'profile') return null;
  const card = queryFirst(document, LINKEDIN.topCard);
  const older = queryFirst(document, LINKEDIN.profileName);
  const top = card ?? (older && closestOf(older, LINKEDIN.profileSection)) ?? null;
  const memberId = memberIdOn(card, top);
  // Links in the card name the profile by slug; on an address by member id, they tell the slug.
  const people = top
    ? queryAllFirst(top, LINKEDIN.profilePersonLink).map((a) =>
        personOfHref(a.getAttribute('href')),
      )
    : [];
  const slug = route.slug ?? people.find((p) => p?.slug)?.slug ?? null;
  const person = {
    slug,
    memberId: route.memberId ?? memberId,
    profileUrl: slug ? profileUrlOf(slug) : route.profileUrl,
  };
  // After a single-page navigation the previous person's card can still be on the page under
  // the new address: its links or its member id name someone else. Never read one person as another.
  const another =
    (route.memberId && memberId && route.memberId !== memberId) ||
    people.some(
      (p) =>
        (p?.slug && route.slug && p.slug !== route.slug) ||
        (p?.memberId && person.memberId && p.memberId !== person.memberId),
    );
  if (another) return { kind: 'unreadable', missing: 'profile for this address', ...person };
  const fromCard = card && readTopCard(card);
  if (fromCard) return { kind: 'profile', profile: { ...person, ...fromCard } };
  const name = text(older);
  if (!name) return { kind: 'unreadable', missing: 'name', ...person };
  const button = queryFirst(document, LINKEDIN.profileCompanyButton);
  return {
    kind: 'profile',
    profile: {
      ...person,
      name,
      headline: text(queryFirst(document, LINKEDIN.profileHeadline)),
      company:
        text(queryFirst(document, LINKEDIN.profileCompanyText)) ||
        companyFromLabel(button?.getAttribute('aria-label') ?? null),
      location: text(queryFirst(document, LINKEDIN.profileLocation)),
    },
  };
}
