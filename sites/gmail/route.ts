export interface GmailRoute {
  /** The /mail/u/<n>/ index: it shifts when accounts are added, so never key data by it. */
  accountIndex: number;
  /** The view: "inbox", "sent", "label/Work", "search/acme", ... */
  view: string;
  /** The opaque token of the open conversation (FMfcg…), or null in a list. */
  threadToken: string | null;
}

// Thread tokens are Gmail's ids re-encoded in an alphabet of consonants only (about 32
// characters: FMfcg…, KtbxL…, QgrcJH…; ArsenalRecon/GmailURLDecoder documents the alphabet), or
// 16 hex digits in old links. Label names, page markers ("p2") and search words are not.
export const THREAD_TOKEN = /^(?:[BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz]{20,}|[0-9a-f]{16})$/;

/** Reads Gmail's location: /mail/u/<n>/ and the hash route. */
/**
 * The address that opens a thread by its route token or hex id in an account, given by its
 * address (already URI-encoded) or its /u/<n> index.
 */
export const threadUrlOf = (account: string, token: string) =>
  `https://mail.google.com/mail/u/${account}/#all/${token}`;

export function parseGmailRoute(location: Pick<Location, 'pathname' | 'hash'>): GmailRoute | null {
  const path = location.pathname.match(/^\/mail(?:\/u\/(\d+))?\/?/);
  if (!path) return null;
  const hash = location.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash.split('/').filter(Boolean);
  const last = segments.at(-1);
  const opensThread = segments.length >= 2 && last !== undefined && THREAD_TOKEN.test(last);
  return {
    accountIndex: Number(path[1] ?? 0),
    view: (opensThread ? segments.slice(0, -1) : segments).join('/') || 'inbox',
    threadToken: opensThread ? last! : null,
  };
}
