import { describe, expect, it } from 'vitest';
import { changesUrl, retryDelay, startLiveFeed } from '../../../background/sync/live';
import { progressOf, startCounts } from '../../../background/sync/progress';

/** A server's changes feed, answered from a list; each answer waits until the test lets it. */
function fakeServer(answers: (object | Error)[]) {
  const requests: string[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push(String(url));
    const answer = answers.shift();
    if (!answer) {
      // Nothing more: the long poll stays open until it is stopped.
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    }
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer), { status: 200 });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the team server’s live changes feed', () => {
  it('asks for the changes after the last answer, and tells of news only', async () => {
    const server = fakeServer([
      { results: [{ id: 'deal:a' }], last_seq: '5-x' },
      { results: [], last_seq: '5-x' },
    ]);
    let news = 0;
    const feed = startLiveFeed({
      server: 'http://127.0.0.1:5984',
      database: 'acme-sales',
      onChange: () => news++,
      fetch: server.fetch,
    });
    for (let i = 0; i < 10; i++) await tick();
    feed.stop();
    expect(news).toBe(1);
    expect(server.requests.map((url) => new URL(url).searchParams.get('since'))).toEqual([
      'now',
      '5-x',
      '5-x',
    ]);
  });

  it('makes no more requests once stopped (the rep left the team)', async () => {
    const server = fakeServer([]);
    const feed = startLiveFeed({
      server: 'http://127.0.0.1:5984',
      database: 'acme-sales',
      onChange: () => undefined,
      fetch: server.fetch,
    });
    await tick();
    feed.stop();
    for (let i = 0; i < 10; i++) await tick();
    expect(server.requests).toHaveLength(1);
  });

  it('waits longer after each failure in a row, up to a minute', async () => {
    const server = fakeServer([new TypeError('Failed to fetch'), new TypeError('Failed to fetch')]);
    const waits: number[] = [];
    const feed = startLiveFeed({
      server: 'http://127.0.0.1:5984',
      database: 'acme-sales',
      onChange: () => undefined,
      fetch: server.fetch,
      wait: async (ms) => void waits.push(ms),
    });
    for (let i = 0; i < 10; i++) await tick();
    feed.stop();
    expect(waits).toEqual([1_000, 2_000]);
    expect(server.requests).toHaveLength(3);
    expect([1, 2, 3, 7, 8, 20].map(retryDelay)).toEqual([
      1_000, 2_000, 4_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('long-polls the team database with a heartbeat', () => {
    const url = new URL(changesUrl('https://couch.example.com', 'acme/sales', 'now'));
    expect(url.pathname).toBe('/acme%2Fsales/_changes');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      feed: 'longpoll',
      since: 'now',
      heartbeat: '10000',
    });
  });
});

describe('the first sync’s progress', () => {
  it('counts both steps of each way, never past what there is', () => {
    const counts = startCounts(1_000, 500);
    expect(progressOf(counts)).toEqual({ done: 0, total: 1_500 });
    counts.noted = 1_000;
    expect(progressOf(counts).done).toBe(500);
    counts.uploaded = 1_200; // the server also took documents that came from elsewhere
    counts.downloaded = 500;
    expect(progressOf(counts).done).toBe(1_250);
    counts.finishedAt = 1;
    expect(progressOf(counts)).toEqual({ done: 1_500, total: 1_500 });
  });
});
