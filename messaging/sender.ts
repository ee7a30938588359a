/** The hosts whose pages our content scripts run on. */
export const ALLOWED_PAGE_ORIGINS = [
  'https://mail.google.com',
  'https://www.linkedin.com',
] as const;

export interface SenderFacts {
  id?: string;
  url?: string;
}

/**
 * Only this extension may talk to the background: its own pages, and its content scripts
 * on Gmail and LinkedIn. Anything else (another extension, a page through
 * externally_connectable, a content script on a host we never asked for) is refused.
 */
export function isAllowedSender(sender: SenderFacts, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId || !sender.url) return false;
  const origin = originOf(sender.url);
  if (origin === null) return false;
  return origin === ownOrigin || (ALLOWED_PAGE_ORIGINS as readonly string[]).includes(origin);
}

/**
 * scheme://host of a URL, or null. URL.origin is "null" for extension schemes in some
 * runtimes, so it is built by hand.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
