import type { SyncErrorCode } from '../../messaging/team-sync';

/** A sync failure the rep can act on, by code (the Settings view words it). */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    detail = '',
  ) {
    super(detail || code);
    this.name = 'SyncError';
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    });
  } catch (error) {
    throw new SyncError('unreachable', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Signs in with CouchDB's cookie session: the browser keeps the cookie for that server, and
 * the password goes no further than this request.
 */
export async function signIn(server: string, name: string, password: string): Promise<void> {
  const response = await send(`${server}/_session`, {
    method: 'POST',
    body: JSON.stringify({ name, password }),
  });
  if (response.status === 401) throw new SyncError('wrong-password');
  if (!response.ok) throw new SyncError('failed', `HTTP ${response.status}`);
}

/** Checks that the signed-in member may read the team database. */
export async function checkDatabase(server: string, database: string): Promise<void> {
  const response = await send(`${server}/${encodeURIComponent(database)}`, { method: 'GET' });
  if (response.status === 401 || response.status === 403) throw new SyncError('no-access');
  if (response.status === 404) throw new SyncError('no-database');
  if (!response.ok) throw new SyncError('failed', `HTTP ${response.status}`);
}

/** Whether the team database holds a document already (the team's pipeline settings). */
export async function hasDocument(server: string, database: string, id: string): Promise<boolean> {
  const response = await send(
    `${server}/${encodeURIComponent(database)}/${encodeURIComponent(id)}`,
    { method: 'GET' },
  );
  if (response.status === 404) return false;
  if (!response.ok) throw new SyncError('failed', `HTTP ${response.status}`);
  return true;
}

/** Ends the session on the server (leaving a team); a server out of reach is no matter. */
export async function signOut(server: string): Promise<void> {
  await send(`${server}/_session`, { method: 'DELETE' }).catch(() => undefined);
}

/** A replication or request failure in the rep's terms. */
export function describeFailure(error: unknown): { code: SyncErrorCode; detail: string } {
  if (error instanceof SyncError) return { code: error.code, detail: error.message };
  const status = (error as { status?: number } | null)?.status;
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 401) return { code: 'signed-out', detail };
  if (status === 403) return { code: 'no-access', detail };
  if (status === 404) return { code: 'no-database', detail };
  if (!status && (error instanceof TypeError || /fetch|network/i.test(detail)))
    return { code: 'unreachable', detail };
  return { code: 'failed', detail };
}
