import { z } from 'zod';

// Joining a team and what the sync tells the rep. The password passes through once, to sign
// in; it is never stored.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a server address cannot be used, or null when it can. */
export function serverAddressProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'Not a web address';
  }
  if (url.username || url.password || url.search || url.hash)
    return 'Give the address without a name, password, query or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'The server must use https (plain http only on this computer)';
}

/** The address with no trailing slash: the database name is added after it. */
export function normalizedServer(address: string): string {
  return address.trim().replace(/\/+$/, '');
}

/** The match pattern asked of the browser for a server: that one host, any port. */
export function hostPermissionOf(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

export const teamJoinInput = z.object({
  server: z
    .string()
    .trim()
    .max(500)
    .transform(normalizedServer)
    .superRefine((value, ctx) => {
      const problem = serverAddressProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  // CouchDB's own rule for database names.
  database: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'A database name starts with a-z: a-z, 0-9, _$()+-/'),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1_000),
});
export type TeamJoinInput = z.input<typeof teamJoinInput>;

export const SYNC_ERROR_CODES = [
  'wrong-password',
  'no-access',
  'no-database',
  'unreachable',
  'signed-out',
  'refused',
  'failed',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** What the Settings view shows about the team sync. */
export interface TeamSyncStatus {
  team: { server: string; database: string; name: string } | null;
  running: boolean;
  lastSyncAt: number | null;
  /** Changes made here that the server does not have yet. */
  pending: number;
  /** The first sync's documents sent and received out of all there are; null after it. */
  progress: { done: number; total: number } | null;
  error: { code: SyncErrorCode; detail: string } | null;
  /** Team documents not applied here, and why (a deal's owner the roster does not list). */
  setAside: { id: string; reason: string; notMember?: string }[];
  /**
   * The team's roster (every member name ever added, and those who left): absent or null for a
   * team whose server has none, where a pulled deal's owner is checked for form only.
   */
  roster?: { members: string[]; former: string[] } | null;
  /** Deletions the rep must hear about. */
  notices: { notice: 'deleted-by-teammate' | 'kept-after-deletion'; title: string }[];
}
