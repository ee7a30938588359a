import { THREAD_TOKEN, threadUrlOf } from '../sites/gmail/route';
import { conversationUrlOf, profileUrlOf } from '../sites/linkedin/route';
import type { Link } from './schemas';

// What a link may hold, and the one address each link opens. A link's address is never taken
// from what was stored: it is rebuilt from the site's own ids, which are checked here when
// the link is written (a request, a restored backup) and again when it is opened, so that a
// stored `javascript:`, `data:` or look-alike address can reach neither an href nor a tab.
// Free of zod so that any page or the worker can use it.

type LinkIds = Pick<Link, 'kind' | 'account' | 'externalId' | 'url'>;

/** The one host each kind of link lives on. */
export const LINK_HOSTS: Record<Link['kind'], string> = {
  'gmail-thread': 'mail.google.com',
  'linkedin-profile': 'www.linkedin.com',
  'linkedin-conversation': 'www.linkedin.com',
};

/** A Gmail id "thread-f:<decimal>" (a 64-bit number), as the Gmail adapter stores it. */
const GMAIL_PERMANENT_ID = /^thread-f:(\d{1,20})$/;
/** A thread the rep started, before Gmail gives it a permanent id. */
const GMAIL_LOCAL_ID = /^thread-a:r-?\d{1,25}$/;
/** A thread known only by its route token (the page could not be read). */
const GMAIL_TOKEN_ID = /^token:(.+)$/;
/** The signed-in account's address, or "u<n>" for a thread keyed by its /u/<n> index. */
const GMAIL_ACCOUNT = /^(?:[^\s@/\\?#%:]+@[^\s@/\\?#%:]+|u\d{1,2})$/;
/**
 * A LinkedIn profile slug or member id, or a conversation id: one path segment. Characters
 * beyond ASCII are fine (the address encodes them); a separator, a control character, a
 * blank or a dot segment is not.
 */
const LINKEDIN_ID = /^(?!\.{1,2}$)[^\s/\\?#\p{Cc}]{1,200}$/u;

const MAX_64_BIT = (1n << 64n) - 1n;

/** The thread's hex id (Gmail's legacy form, which it still opens), or null. */
function gmailHexId(externalId: string): string | null {
  const decimal = GMAIL_PERMANENT_ID.exec(externalId)?.[1];
  if (!decimal) return null;
  const value = BigInt(decimal);
  return value <= MAX_64_BIT ? value.toString(16) : null;
}

/** An https address on exactly `host`, with no user, password or port; else null. */
function onHost(url: string | null, host: string): URL | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const plain =
    parsed.protocol === 'https:' &&
    parsed.hostname === host &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  return plain ? parsed : null;
}

export type LinkField = 'url' | 'externalId' | 'account';

/** What is wrong with a link's ids or address, naming the field; null when it is a link of its site. */
export function linkProblem(link: LinkIds): { field: LinkField; message: string } | null {
  const host = LINK_HOSTS[link.kind];
  if (link.url !== null && !onHost(link.url, host)) {
    return {
      field: 'url',
      message: `Only an https address on ${host} can be stored for this link`,
    };
  }
  if (link.kind === 'gmail-thread') {
    if (link.account !== null && !GMAIL_ACCOUNT.test(link.account)) {
      return { field: 'account', message: 'Not a Gmail account address' };
    }
    const token = GMAIL_TOKEN_ID.exec(link.externalId)?.[1];
    const known =
      token !== undefined
        ? THREAD_TOKEN.test(token)
        : gmailHexId(link.externalId) !== null || GMAIL_LOCAL_ID.test(link.externalId);
    if (!known) return { field: 'externalId', message: 'Not a Gmail thread id' };
    return null;
  }
  if (!LINKEDIN_ID.test(link.externalId)) {
    return {
      field: 'externalId',
      message:
        link.kind === 'linkedin-profile'
          ? 'Not a LinkedIn profile name'
          : 'Not a LinkedIn conversation id',
    };
  }
  return null;
}

/** True for an address Threadline may open: https on Gmail's or LinkedIn's own host. */
export function isSiteAddress(url: string): boolean {
  return (
    onHost(url, LINK_HOSTS['gmail-thread']) !== null ||
    onHost(url, LINK_HOSTS['linkedin-profile']) !== null
  );
}

/**
 * The address that opens a linked thread, profile or conversation, rebuilt from its ids; null
 * when the stored ids are not its site's (a record written before links were checked), so
 * that nothing made up is opened. Gmail threads open in their account by its address
 * (/mail/u/<address>/), not by /u/<n>, which shifts when accounts are added or removed.
 */
export function pageForLink(link: LinkIds): string | null {
  if (linkProblem({ ...link, url: null }) !== null) return null;
  let page: string | null;
  switch (link.kind) {
    case 'gmail-thread': {
      const index = link.account?.match(/^u(\d{1,2})$/)?.[1];
      const account = index ?? encodeURIComponent(link.account ?? '0');
      // The route token the thread was seen at, if it is one; else the thread id in hex.
      const stored = onHost(link.url, LINK_HOSTS['gmail-thread'])?.hash.split('/').at(-1);
      const token =
        GMAIL_TOKEN_ID.exec(link.externalId)?.[1] ??
        (stored !== undefined && THREAD_TOKEN.test(stored) ? stored : gmailHexId(link.externalId));
      page = token ? threadUrlOf(account, token) : null;
      break;
    }
    case 'linkedin-profile':
      page = profileUrlOf(link.externalId);
      break;
    case 'linkedin-conversation':
      page = conversationUrlOf(link.externalId);
      break;
  }
  return page !== null && onHost(page, LINK_HOSTS[link.kind]) ? page : null;
}
