import browser from 'webextension-polyfill';
import type { PouchDatabase } from 'pouchdb-core';
import type { StoreContext } from '../../storage/db';
import { clearOutbox, noteEverything, outboxSize } from '../../storage/sync-queue';
import type { TeamSyncStatus } from '../../messaging/team-sync';
import { mirrorDatabase, Pouch, remoteDatabase } from './pouch';
import { pushOutbox } from './push';
import { applyMirrorChanges } from './pull';
import { startLiveFeed, type LiveFeed } from './live';
import { firstSyncCounts, firstSyncEnded, firstSyncProgress, forgetFirstSync } from './progress';
import { describeFailure } from './session';
import { loadState, newest, saveState, type SyncState, type TeamConfig } from './state';

export const SYNC_ALARM = 'team-sync';
/** How long after a local change the sync waits, so a burst of writes goes in one round. */
const DEBOUNCE_MS = 1_000;

const mirrors = new Map<string, PouchDatabase>();
/** Replication batches: fewer round trips and checkpoints on a first sync's many documents. */
const BATCH_SIZE = 2_000;

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
  const mirror = mirrorOf(state.team);
  const remote = remoteDatabase(state.team.server, state.team.database);
  const refused: string[] = [];
  try {
    const counts = await firstSyncCounts(state.lastSyncAt === null, {
      toSend: () => outboxSize(ctx),
      toReceive: () => remote.info().then((info) => info.doc_count),
    });
    await pushOutbox(ctx, mirror, state.team.replicaId, (n) => (counts.noted += n));
    // Both ways at once, as PouchDB's sync() does: a first sync waits for the longer only.
    // Both end before the round does, failed or not: the next round starts them afresh.
    let uploaded = 0;
    const ways = await Promise.allSettled([
      replicate(mirror, remote, refused, (n) => ((counts.uploaded += n), (uploaded += n))),
      replicate(remote, mirror, refused, (n) => (counts.downloaded += n)),
    ]);
    for (const way of ways) if (way.status === 'rejected') throw way.reason;
    const pulled = await applyMirrorChanges(
      ctx,
      mirror,
      state.appliedSeq,
      state.team.replicaId,
      (n) => (counts.applied += n),
    );
    await saveState({
      appliedSeq: pulled.seq,
      setAside: newest([...state.setAside, ...pulled.setAside]),
      notices: newest([...state.notices, ...pulled.notices]),
    });
    if (pulled.resolved > 0) await replicate(mirror, remote, refused, () => undefined);
    // A refusal stays in the status until a later round sends something: a round with nothing
    // to send (the live feed's, "Sync now") says nothing about the refused change.
    const stillRefused = uploaded === 0 && state.error?.code === 'refused' ? state.error : null;
    await finishRound(mirror, refused, stillRefused);
    if (!pulled.waiting) firstSyncEnded();
    return pulled.waiting;
  } catch (error) {
    await saveState({ error: describeFailure(error) });
    return false;
  }
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
  onDocs: (written: number) => void,
): Promise<void> {
  const replication = Pouch.replicate(source, target, { batch_size: BATCH_SIZE });
  replication.on('change', (info) => onDocs((info as { docs?: unknown[] }).docs?.length ?? 0));
  replication.on('denied', (error) => {
    refused.push(`${error.id ?? '?'}: ${error.reason ?? error.message ?? 'refused'}`);
  });
  await replication;
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
  if (running) return outboxSize(ctx);
  const { results } = await mirrorOf(state.team).changes({
    since: state.pushedSeq,
    limit: 10_000,
  });
  return (await outboxSize(ctx)) + results.length;
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
