import type { Transaction } from 'dexie';
import type { DealCard } from './deal-cards';

// The due scan needs the id of every open deal moved before a day, oldest movement first: on a
// pipeline of 10,000 stale open deals, all of them. Read through an index, Chrome's IndexedDB
// checks every entry against its record, which costs several times a read of a table's own
// keys. So each open deal also has one key here, its last movement then its id, kept with its
// card (storage/deal-facts.ts): the scan reads keys of this table only. Derived data: neither
// backed up nor synced.

export const OPEN_MOVEMENT_TABLE = 'openMovement';

export interface OpenMovement {
  /** The deal's last movement (ms, as 16 digits, so keys sort as times do), a space, its id. */
  key: string;
}

const DIGITS = 16;

/** The digits keys start with for a time: every key at or before `at` sorts before those of `at + 1`. */
export function movementPrefix(at: number): string {
  return String(Math.max(0, Math.floor(at))).padStart(DIGITS, '0');
}

/** An open deal's key, from its card. */
export function movementKeyOf(card: Pick<DealCard, 'id' | 'lastMovementAt'>): string {
  return `${movementPrefix(card.lastMovementAt)} ${card.id}`;
}

/** The deal id a key names. */
export function movementIdOf(key: string): string {
  return key.slice(DIGITS + 1);
}

/** Works every open deal's key out afresh from the cards (an upgrade). */
export async function rebuildOpenMovement(tx: Transaction): Promise<void> {
  const cards = await tx.table<DealCard, string>('dealCards').toArray();
  const table = tx.table<OpenMovement, string>(OPEN_MOVEMENT_TABLE);
  await table.clear();
  await table.bulkAdd(cards.map((card) => ({ key: movementKeyOf(card) })));
}
