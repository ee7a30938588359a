import browser from 'webextension-polyfill';
import type { PouchDatabase, PouchDoc, ReplicationResult } from 'pouchdb-core';
import type { StoreContext } from '../../storage/db';
import { clearOutbox, noteEverything, outboxSize, recordsWaiting } from '../../storage/sync-queue';
import type { TeamSyncStatus } from '../../messaging/team-sync';
import { mirrorDatabase, Pouch, remoteDatabase } from './pouch';
import { applyMirrorChanges, type PullOutcome } from './pull';
import { pushAhead } from './upload-ahead';
import { followArrivals } from './arrivals';
import { applyDownloaded, downloadedDocs } from './pull-downloaded';
import { answerUnreadWhileEmpty } from './first-pull-diffs';
import { startLiveFeed, type LiveFeed } from './live';
import {
  firstSyncCounts,
  firstSyncEnded,
  firstSyncProgress,
  forgetFirstSync,
  type FirstSyncCounts,
} from './progress';
import { describeFailure } from './session';
import { loadState, newest, saveState, type SyncState, type TeamConfig } from './state';

export const SYNC_ALARM = 'team-sync';
/** How long after a local change the sync waits, so a burst of writes goes in one round. */
const DEBOUNCE_MS = 1_000;

const mirrors = new Map<string, PouchDatabase>();
/**
 * Replication batches: fewer round trips and checkpoints on a first sync's many documents.
 * Each batch is fetched, written into the mirror and checkpointed before the next begins;
 * 10,000 took a first pull of 130,000 documents from 26 such rounds to 13, and its download
 * from 51 s to 44 s.
 */
const BATCH_SIZE = 10_000;

export function mirrorOf(team: TeamConfig): PouchDatabase {
  let mirror = mirrors.get(team.mirror);
  if (!mirror) mirrors.set(team.mirror, (mirror = mirrorDatabase(team.mirror)));
  return mirror;
}

export async function dropMirror(team: TeamConfig): Promise<void> {
  const mirror = mirrorOf(team);
  mirrors.delete(team.mirror);
  forgetFirstSync();
  await mirror.destroy().catch(() => undefined);
}

/** One round: local changes into the mirror, the mirror with the server, the news applied here. */
async function syncRound(ctx: StoreContext): Promise<boolean> {
  const state = await loadState();
  if (!state.team) {
    await clearOutbox(ctx);
    return false;
  }
  const team = state.team;
  const mirror = mirrorOf(team);
  const remote = remoteDatabase(team.server, team.database);
  const refused: string[] = [];
  try {
    const counts = await firstSyncCounts(state.lastSyncAt === null, {
      toSend: () => recordsWaiting(ctx),
      toReceive: () => remote.info().then((info) => info.doc_count),
    });
    let uploaded = 0;
    const sent = (n: number) => ((counts.uploaded += n), (uploaded += n));
    const { update_seq: before } = await mirror.info();
    // Everything in the mirror is applied here: what this round's push writes into it needs
    // no applying (below).
    const allApplied = before === state.appliedSeq;
    const pushedIds = new Set<string>();
    const pushed = await pushAhead(
      ctx,
      mirror,
      remote,
      { ...state, team },
      {
        onNoted: (n) => (counts.noted += n),
        onTaken: sent,
        onNew: (docs) => docs.forEach((doc) => pushedIds.add(doc._id)),
      },
    );
    // Everything before this is applied here or was written by the push just now.
    const applyFrom = allApplied ? (await mirror.info()).update_seq : state.appliedSeq;
    // Both ways at once, as PouchDB's sync() does, and what comes down applied as it comes:
    // a first sync waits for the longest only. All end before the round does, failed or not:
    // the next round starts them afresh.
    const { download, applying } = startDownload(
      { ctx, mirror, remote, team, refused, counts },
      { since: pushed.down, applyFrom, mirrorWasEmpty: before === 0, pushedIds },
    );
    const [up, down, applied] = await Promise.allSettled([
      pushed.up === null
        ? null
        : replicate(mirror, remote, refused, (docs) => sent(docs.length), pushed.up),
      download,
      applying,
    ]);
    for (const way of [up, down, applied]) if (way.status === 'rejected') throw way.reason;
    const pulled = (applied as PromiseFulfilledResult<PullOutcome>).value;
    await saveState({
      appliedSeq: pulled.seq,
      pulledSeq: (down as PromiseFulfilledResult<ReplicationResult>).value.last_seq,
      setAside: newest([...state.setAside, ...pulled.setAside]),
      notices: newest([...state.notices, ...pulled.notices]),
    });
    // The merges of conflicting versions go back; the server had all before `before` when
    // the last round ended there.
    if (pulled.resolved > 0) {
      const since = before === state.pushedSeq ? before : undefined;
      await replicate(mirror, remote, refused, () => undefined, since);
    }
    // A refusal stays in the status until a later round sends something: a round with nothing
    // to send (the live feed's, "Sync now") says nothing about the refused change. Sent ahead
    // by a round the browser stopped counts too: its changes were not yet confirmed sent.
    const sentSomething = uploaded > 0 || pushed.written > 0 || before !== state.pushedSeq;
    const stillRefused = !sentSomething && state.error?.code === 'refused' ? state.error : null;
    await finishRound(mirror, refused, stillRefused);
    if (!pulled.waiting) firstSyncEnded();
    return pulled.waiting;
  } catch (error) {
    await saveState({ error: describeFailure(error) });
    return false;
  }
}

interface Round {
  ctx: StoreContext;
  mirror: PouchDatabase;
  remote: PouchDatabase;
  team: TeamConfig;
  refused: string[];
  counts: FirstSyncCounts;
}

/**
 * Starts the download from the server and applies what comes down as it comes. Into a mirror
 * that was empty when the round began (a first pull), it is applied from the documents the
 * replicator fetched (./pull-downloaded.ts); otherwise from the mirror's changes (./pull.ts).
 */
function startDownload(
  { ctx, mirror, remote, team, refused, counts }: Round,
  from: {
    /** Where the download starts instead of its checkpoint. */
    since: number | string | undefined;
    /** Where the mirror's changes are applied from. */
    applyFrom: number | string;
    mirrorWasEmpty: boolean;
    /** The documents this round's push wrote into the mirror. */
    pushedIds: ReadonlySet<string>;
  },
) {
  const downloads = from.mirrorWasEmpty ? downloadedDocs() : null;
  const news = followArrivals();
  // Into a mirror empty when the round began, only this round's push and download wrote.
  const inMirror = new Set(from.pushedIds);
  const giveBack = downloads && answerUnreadWhileEmpty(mirror, (id) => inMirror.has(id));
  const onDocs = (docs: PouchDoc[]) => {
    counts.downloaded += docs.length;
    if (giveBack) for (const doc of docs) inMirror.add(doc._id);
    downloads?.arrived(docs);
    news.arrived();
  };
  const download = replicate(remote, mirror, refused, onDocs, from.since);
  if (giveBack) void download.then(giveBack, giveBack);
  news.endWith(download);
  downloads?.endWith(download);
  const options = { onBatch: (n: number) => (counts.applied += n), server: remote };
  const { applyFrom, pushedIds } = from;
  const applying = downloads
    ? applyDownloaded(ctx, mirror, applyFrom, team.replicaId, downloads, pushedIds, options)
    : applyMirrorChanges(ctx, mirror, applyFrom, team.replicaId, { ...options, more: news.more });
  return { download, applying };
}

async function finishRound(
  mirror: PouchDatabase,
  refused: string[],
  earlier: SyncState['error'],
): Promise<void> {
  const { update_seq } = await mirror.info();
  await saveState({
    pushedSeq: update_seq,
    lastSyncAt: Date.now(),
    error: refused.length ? { code: 'refused', detail: refused.slice(0, 5).join('; ') } : earlier,
  });
}

async function replicate(
  source: PouchDatabase,
  target: PouchDatabase,
  refused: string[],
  /** Given each batch's documents written into the target. */
  onDocs: (docs: PouchDoc[]) => void,
  /** Where to start instead of the last checkpoint: the target has all before it. */
  since?: number | string,
): Promise<ReplicationResult> {
  const replication = Pouch.replicate(source, target, {
    batch_size: BATCH_SIZE,
    ...(since === undefined ? {} : { since }),
  });
  replication.on('change', (info) => onDocs((info as { docs?: PouchDoc[] }).docs ?? []));
  replication.on('denied', (error) => {
    refused.push(`${error.id ?? '?'}: ${error.reason ?? error.message ?? 'refused'}`);
  });
  return replication;
}

/** Runs one round at a time; a request made meanwhile runs one more round after it. */
export function createScheduler(ctx: StoreContext) {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = syncRound(ctx)
      .then((waiting) => {
        again ||= waiting;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // Only local edits start a round: what a round applies itself leaves no note.
      void outboxSize(ctx).then((size) => (size > 0 ? run() : undefined));
    }, DEBOUNCE_MS);
  };
  let feed: LiveFeed | null = null;
  /** Follows the server's changes feed of the team joined (none: stops following). */
  const follow = (team: TeamConfig | null) => {
    feed?.stop();
    feed =
      team &&
      startLiveFeed({ server: team.server, database: team.database, onChange: () => void run() });
  };
  return { run, soon, follow, isRunning: () => running !== null };
}

/** Starts the schedule for a team just joined: everything here goes out in the first round. */
export async function startSchedule(ctx: StoreContext, teamHasSettings: boolean): Promise<void> {
  await noteEverything(ctx, teamHasSettings);
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
}

export async function pendingChanges(
  ctx: StoreContext,
  state: SyncState,
  running: boolean,
): Promise<number> {
  if (!state.team) return 0;
  // While a round runs, the mirror is busy: a first sync would read ten thousand changes to
  // count them on every look at the status. The outbox is the part that waits then.
  if (running) return recordsWaiting(ctx);
  const { results } = await mirrorOf(state.team).changes({
    since: state.pushedSeq,
    limit: 10_000,
  });
  return (await recordsWaiting(ctx)) + results.length;
}

export async function statusOf(
  ctx: StoreContext,
  state: SyncState,
  running: boolean,
): Promise<TeamSyncStatus> {
  const { team, lastSyncAt, error, setAside, notices } = state;
  return {
    team: team && { server: team.server, database: team.database, name: team.name },
    running,
    lastSyncAt,
    pending: await pendingChanges(ctx, state, running),
    progress: team && firstSyncProgress(),
    error,
    setAside,
    notices,
  };
}
