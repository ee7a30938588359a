// Plain data the sales rules work on. Storage records are wider; these are the facts the
// rules need, so the rules stay testable without a database.

export const CHANNELS = ['email', 'linkedin', 'call', 'meeting', 'note'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DEAL_STATUSES = ['open', 'won', 'lost', 'disqualified'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export type ClosedStatus = Exclude<DealStatus, 'open'>;

export const BANT_KEYS = ['budget', 'authority', 'need', 'timeline'] as const;
export type BantKey = (typeof BANT_KEYS)[number];

export const BANT_STATES = ['unknown', 'confirmed', 'missing'] as const;
export type BantState = (typeof BANT_STATES)[number];

export interface BantItem {
  state: BantState;
  note: string;
}
export type Bant = Record<BantKey, BantItem>;

/** Times are epoch milliseconds throughout. */
export interface TouchFacts {
  at: number;
  channel: Channel;
  direction: Direction;
}

export interface CadenceSettings {
  /** A deal with no movement becomes due this many days after its last movement (default 3). */
  dueAfterDays: number;
  /** ...and overdue after this many (default 5). */
  overdueAfterDays: number;
  /** Count only Monday to Friday. */
  businessDays: boolean;
}

export interface DealCadenceFacts {
  status: DealStatus;
  createdAt: number;
  stageChangedAt: number;
  lastTouchAt: number | null;
  snoozedUntil: number | null;
  /** The earliest answer the rep promised and has not yet given (domain/objections.ts). */
  answerDueAt?: number | null;
}

export interface ChecklistItem {
  id: string;
  text: string;
}

export interface StageDefinition {
  id: string;
  name: string;
  /** What must be true for a deal to be in this stage. */
  entry: string;
  /** What must be done before a deal moves on. */
  exitChecklist: ChecklistItem[];
  /** Leaving this stage for a later one with BANT gaps warns (the Qualification stage). */
  bantGate: boolean;
}
