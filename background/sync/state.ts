import browser from 'webextension-polyfill';
import type { TeamSyncStatus } from '../../messaging/team-sync';

// The team setup and the sync's progress live in the extension's own storage, beside the
// database: they are this browser's, never part of a backup or of what syncs.

export interface TeamConfig {
  server: string;
  database: string;
  name: string;
  /** This browser's id in edit stamps. */
  replicaId: string;
  /** The local mirror database's name. */
  mirror: string;
}

export interface SyncState {
  team: TeamConfig | null;
  /** How far the mirror's changes have been applied to the pipeline. */
  appliedSeq: number | string;
  /** The mirror's sequence the server had everything up to. */
  pushedSeq: number | string;
  /** The server's sequence the last pull from it reached. */
  pulledSeq: number | string;
  lastSyncAt: number | null;
  error: TeamSyncStatus['error'];
  setAside: TeamSyncStatus['setAside'];
  notices: TeamSyncStatus['notices'];
}

const KEY = 'teamSync';

export const EMPTY_STATE: SyncState = {
  team: null,
  appliedSeq: 0,
  pushedSeq: 0,
  pulledSeq: 0,
  lastSyncAt: null,
  error: null,
  setAside: [],
  notices: [],
};

export async function loadState(): Promise<SyncState> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<SyncState> | undefined;
  return { ...EMPTY_STATE, ...stored };
}

export async function saveState(patch: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await loadState()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Keeps the newest entries of a list the status shows. */
export function newest<T>(items: T[], limit = 20): T[] {
  return items.slice(-limit);
}
