// The first sync's progress bar: documents sent and received out of what there was to send
// (the outbox when it began) and to receive (the team database's documents when it began).
// Each way has two steps of about equal weight: sending is notes into the mirror, then the
// mirror to the server; receiving is the server into the mirror, then into the pipeline.

export interface FirstSyncCounts {
  toSend: number;
  /** Outbox notes made into mirror documents. */
  noted: number;
  /** Documents the server took. */
  uploaded: number;
  toReceive: number;
  /** Documents the mirror took from the server. */
  downloaded: number;
  /** Mirror documents looked at for the pipeline here. */
  applied: number;
  /** When the first sync ended (the bar shows full for a while after). */
  finishedAt: number | null;
}

export interface Progress {
  done: number;
  total: number;
}

export function startCounts(toSend: number, toReceive: number): FirstSyncCounts {
  return { toSend, noted: 0, uploaded: 0, toReceive, downloaded: 0, applied: 0, finishedAt: null };
}

/** How far a first sync is, in documents. */
export function progressOf(counts: FirstSyncCounts): Progress {
  const total = counts.toSend + counts.toReceive;
  if (counts.finishedAt !== null) return { done: total, total };
  const half = (a: number, b: number, most: number) => Math.min(most, Math.floor((a + b) / 2));
  return {
    done:
      half(counts.noted, counts.uploaded, counts.toSend) +
      half(counts.downloaded, counts.applied, counts.toReceive),
    total,
  };
}

/** How long a finished first sync still shows its full bar. */
const PROGRESS_SHOWN_MS = 60_000;
/** The first sync of the team joined, while it runs (and a moment after). */
let firstSync: FirstSyncCounts | null = null;

/**
 * The counts a round adds to: the first sync's (what there is to send and receive, asked for
 * when it begins), or a scratch pad once the team has synced before.
 */
export async function firstSyncCounts(
  first: boolean,
  ask: { toSend(): Promise<number>; toReceive(): Promise<number> },
): Promise<FirstSyncCounts> {
  if (!first) return startCounts(0, 0);
  if (!firstSync) {
    const toReceive = await ask.toReceive().catch(() => 0);
    firstSync = startCounts(await ask.toSend(), toReceive);
  }
  return firstSync;
}

/** A round ended with nothing left waiting: the first sync, if it ran, is done. */
export function firstSyncEnded(): void {
  if (firstSync) firstSync.finishedAt ??= Date.now();
}

/** The team was left: the next team's first sync counts afresh. */
export function forgetFirstSync(): void {
  firstSync = null;
}

/** How far the first sync is, while it runs and for a minute after; null otherwise. */
export function firstSyncProgress(): Progress | null {
  if (!firstSync) return null;
  const { finishedAt } = firstSync;
  if (finishedAt !== null && Date.now() - finishedAt > PROGRESS_SHOWN_MS) return null;
  return progressOf(firstSync);
}
