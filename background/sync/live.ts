// The server's changes feed, held open while the worker runs and a team is joined: a
// teammate's change is news here within moments, not at the next scheduled round. The feed
// only says that something changed; the round it starts brings the change in through the
// mirror, checked like every pulled document. A worker the browser stops drops the feed and
// catches up from its checkpoints when it wakes.

/** CouchDB writes a newline this often while nothing changes, so the connection stays up. */
const HEARTBEAT_MS = 10_000;
/** A request older than this is started again (a connection that died without closing). */
const REQUEST_LIMIT_MS = 60_000;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

export interface LiveFeed {
  stop(): void;
}

interface FeedOptions {
  server: string;
  database: string;
  /** The server has changes this browser may not have seen. */
  onChange: () => void;
  fetch?: typeof fetch;
  wait?: (ms: number) => Promise<void>;
}

interface ChangesReply {
  results?: unknown[];
  last_seq?: string | number;
}

/** The wait before the next try after `failures` failed requests in a row. */
export function retryDelay(failures: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** The address of one long poll of the team database's changes after `since`. */
export function changesUrl(server: string, database: string, since: string | number): string {
  const query = new URLSearchParams({
    feed: 'longpoll',
    since: String(since),
    heartbeat: String(HEARTBEAT_MS),
    // Enough to know there is news; a teammate's first push comes in many short answers.
    limit: '500',
  });
  return `${server}/${encodeURIComponent(database)}/_changes?${query}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Follows the server's changes from now on until stopped; failures are retried, slower each time. */
export function startLiveFeed(options: FeedOptions): LiveFeed {
  const { server, database, onChange, fetch: get = fetch, wait = sleep } = options;
  const stopped = new AbortController();
  const poll = async (since: string | number): Promise<ChangesReply> => {
    const signal = AbortSignal.any([stopped.signal, AbortSignal.timeout(REQUEST_LIMIT_MS)]);
    const response = await get(changesUrl(server, database, since), {
      credentials: 'include',
      headers: { Accept: 'application/json' },
      signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as ChangesReply;
  };
  void (async () => {
    let since: string | number = 'now';
    let failures = 0;
    while (!stopped.signal.aborted) {
      try {
        const reply = await poll(since);
        failures = 0;
        since = reply.last_seq ?? since;
        if (reply.results?.length && !stopped.signal.aborted) onChange();
      } catch (error) {
        if (stopped.signal.aborted) break;
        // A request cut at its time limit is no failure; anything else waits before the next.
        if ((error as Error | null)?.name === 'TimeoutError') continue;
        failures++;
        await wait(retryDelay(failures));
      }
    }
  })();
  return { stop: () => stopped.abort() };
}
