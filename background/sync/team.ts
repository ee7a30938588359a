import browser from 'webextension-polyfill';
import type { StoreContext } from '../../storage/db';
import { StorageError } from '../../storage/errors';
import { clearOutbox } from '../../storage/sync-queue';
import { setTeamMember } from '../../storage/owners';
import { readSettings } from '../../storage/settings';
import {
  hostPermissionOf,
  teamJoinInput,
  type TeamJoinInput,
  type TeamSyncStatus,
} from '../../messaging/team-sync';
import {
  createScheduler,
  dropMirror,
  mirrorOf,
  startSchedule,
  statusOf,
  SYNC_ALARM,
} from './engine';
import { readRoster } from './roster';
import { checkDatabase, hasDocument, signIn, signOut, SyncError } from './session';
import { EMPTY_STATE, loadState, saveState } from './state';

export interface TeamSync {
  join(input: TeamJoinInput): Promise<TeamSyncStatus>;
  leave(): Promise<TeamSyncStatus>;
  status(): Promise<TeamSyncStatus>;
  syncNow(): Promise<TeamSyncStatus>;
  /** A new session for the team joined, once the server ended the last one. */
  signInAgain(password: string): Promise<TeamSyncStatus>;
  /** The pipeline changed here: a round follows shortly. */
  changed(): void;
  /** The schedule's alarm rang (also after the worker was stopped). */
  alarm(name: string): void;
}

/** The worker's team sync: joining and leaving, the schedule, and the status. */
export function createTeamSync(ctx: StoreContext): TeamSync {
  const scheduler = createScheduler(ctx);
  const status = async (): Promise<TeamSyncStatus> => {
    const state = await loadState();
    const shown = await statusOf(ctx, state, scheduler.isRunning());
    // The names the deal page offers when handing a deal over.
    return { ...shown, roster: state.team && (await readRoster(mirrorOf(state.team))) };
  };
  // A team joined before the worker started: follow its changes, and catch up at once.
  void loadState().then(({ team }) => {
    scheduler.follow(team);
    if (team) void scheduler.run();
  });
  void keepTeamMember(ctx).catch((error) =>
    console.warn('Threadline: could not note who this browser signs in as', error),
  );

  return {
    async join(raw) {
      const input = teamJoinInput.parse(raw);
      let teamHasSettings = false;
      await refusedInWords(async () => {
        await signIn(input.server, input.name, input.password);
        await checkDatabase(input.server, input.database);
        teamHasSettings = await hasDocument(input.server, input.database, 'settings:team');
      });
      scheduler.follow(null);
      await leaveQuietly(ctx, false);
      await saveState({
        ...EMPTY_STATE,
        team: {
          server: input.server,
          database: input.database,
          name: input.name,
          replicaId: crypto.randomUUID(),
          mirror: `threadline-team-${crypto.randomUUID()}`,
        },
      });
      // The deals made here so far become the rep's, and so does every new one. Before the
      // first round's notes: those keep the team's pipeline settings the older edit.
      await setTeamMember(ctx, input.name);
      await startSchedule(ctx, teamHasSettings);
      scheduler.follow((await loadState()).team);
      void scheduler.run();
      return status();
    },
    async leave() {
      scheduler.follow(null);
      await leaveQuietly(ctx, true);
      await setTeamMember(ctx, null);
      return status();
    },
    status,
    async signInAgain(password) {
      const { team } = await loadState();
      if (!team) throw new StorageError('not-found', 'This browser is in no team');
      await refusedInWords(() => signIn(team.server, team.name, password));
      await saveState({ error: null });
      await scheduler.run();
      return status();
    },
    async syncNow() {
      await scheduler.run();
      return status();
    },
    changed: () => scheduler.soon(),
    alarm(name) {
      if (name === SYNC_ALARM) void scheduler.run();
    },
  };
}

/**
 * Brings the team member the pipeline knows in line with the team joined: a browser that
 * joined before deals had owners, or whose data was restored from another, gets it right.
 */
async function keepTeamMember(ctx: StoreContext): Promise<void> {
  const name = (await loadState()).team?.name ?? null;
  if (((await readSettings(ctx)).teamMember ?? null) !== name) await setTeamMember(ctx, name);
}

/** Runs a sign-in step; a refusal comes back as a request error with its code, for the page. */
async function refusedInWords(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    throw new StorageError('invalid', error.message, { sync: error.code });
  }
}

/** Forgets the team here: its mirror, the waiting changes, the session and the host access. */
async function leaveQuietly(ctx: StoreContext, revoke: boolean): Promise<void> {
  const { team } = await loadState();
  await saveState(EMPTY_STATE);
  await clearOutbox(ctx);
  await browser.alarms.clear(SYNC_ALARM);
  if (!team) return;
  await dropMirror(team);
  await signOut(team.server);
  if (revoke)
    await browser.permissions
      .remove({ origins: [hostPermissionOf(team.server)] })
      .catch((error) => console.warn('Threadline: could not give up the server access', error));
}
