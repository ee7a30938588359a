import type { DealStatus } from './types';

// Objections a prospect raises, what the rep answered, and what came of the deals that met
// them: the facts behind the cheat sheet, the answers offered when a kind comes up again,
// and the promised answers that make a deal due.

/** The kinds every pipeline starts with; the rep may name others, which are kept as typed. */
export const BUILT_IN_KINDS = [
  'price',
  'value',
  'competitor',
  'fit',
  'timing',
  'authority',
] as const;
export type BuiltInKind = (typeof BUILT_IN_KINDS)[number];

/** A promised answer is due this many business days after it is promised, unless set. */
export const ANSWER_DUE_BUSINESS_DAYS = 2;

export type Outcome = 'won' | 'lost' | 'open';

export interface ObjectionFacts {
  id: string;
  dealId: string;
  kind: string;
  words: string;
  answer: string;
  /** The stage the deal was in when the objection was heard. */
  stageId: string;
  createdAt: number;
  answeredAt: number | null;
  /** The day an answer was promised for (start of that day), or null if none was. */
  answerDueAt: number | null;
  /** When the promise was kept: the answer logged or a message sent. */
  promiseClosedAt: number | null;
}

export interface DealOutcomeFacts {
  id: string;
  status: DealStatus;
}

export interface AnswerThatWorked {
  objectionId: string;
  dealId: string;
  kind: string;
  words: string;
  answer: string;
  at: number;
}

export interface KindSummary {
  /** The kind as stored: a built-in id, or the rep's own words (the newest spelling). */
  kind: string;
  /** How many times it came up. */
  count: number;
  /** How many times it came up in each stage, in pipeline order. */
  byStage: { stageId: string; count: number }[];
  /** How the deals that met it ended; each deal counted once. */
  outcomes: Record<Outcome, number>;
  /** Answers given on deals that were won, newest first. */
  worked: AnswerThatWorked[];
  /** What prospects said, newest first (empty ones left out). */
  heard: string[];
  lastAt: number;
}

export function isBuiltInKind(kind: string): kind is BuiltInKind {
  return (BUILT_IN_KINDS as readonly string[]).includes(kind);
}

/** A kind as the rep typed it, tidied: spaces collapsed, and a built-in's own id as that kind. */
export function normalizeKind(kind: string): string {
  const tidy = kind.trim().replace(/\s+/g, ' ');
  const lower = tidy.toLocaleLowerCase();
  return isBuiltInKind(lower) ? lower : tidy;
}

/** Two kinds are the same kind whatever their case: "Legal review" is "legal review". */
export function kindKey(kind: string): string {
  return normalizeKind(kind).toLocaleLowerCase();
}

/** Lost and disqualified deals both ended without a sale. */
export function outcomeOf(status: DealStatus): Outcome {
  if (status === 'open') return 'open';
  return status === 'won' ? 'won' : 'lost';
}

/** A promise is open from when it is made until it is kept. */
export function isPromiseOpen(
  objection: Pick<ObjectionFacts, 'answerDueAt' | 'promiseClosedAt'>,
): boolean {
  return objection.answerDueAt !== null && objection.promiseClosedAt === null;
}

/** The earliest open promise of a deal's objections: the day the deal falls due for it. */
export function earliestAnswerDue(
  objections: readonly Pick<ObjectionFacts, 'answerDueAt' | 'promiseClosedAt'>[],
): number | null {
  const open = objections.filter(isPromiseOpen).map((o) => o.answerDueAt!);
  return open.length > 0 ? Math.min(...open) : null;
}

/**
 * The default day a promised answer is due: the start of the day `days` business days
 * (Monday to Friday) after `now`, in the runtime's time zone. Plain Date arithmetic, so the
 * in-page panel can work it out without a date library.
 */
export function defaultAnswerDue(now: number, days = ANSWER_DUE_BUSINESS_DAYS): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  for (let left = days; left > 0;) {
    day.setDate(day.getDate() + 1);
    if (day.getDay() !== 0 && day.getDay() !== 6) left--;
  }
  return day.getTime();
}

/** Answers given to objections of one kind on deals that were won, newest first. */
export function answersThatWorked(
  objections: readonly ObjectionFacts[],
  statusOf: ReadonlyMap<string, DealStatus>,
  kind?: string,
): AnswerThatWorked[] {
  const key = kind === undefined ? null : kindKey(kind);
  return objections
    .filter(
      (o) =>
        o.answer.trim() !== '' &&
        statusOf.get(o.dealId) === 'won' &&
        (key === null || kindKey(o.kind) === key),
    )
    .map((o) => ({
      objectionId: o.id,
      dealId: o.dealId,
      kind: o.kind,
      words: o.words,
      answer: o.answer,
      at: o.answeredAt ?? o.createdAt,
    }))
    .sort((a, b) => b.at - a.at);
}

/**
 * The cheat sheet: one summary per kind, most frequent first (then the most recent). Stages
 * are listed in the pipeline's order; a stage since removed comes after the known ones.
 */
export function cheatSheet(
  objections: readonly ObjectionFacts[],
  deals: readonly DealOutcomeFacts[],
  stageOrder: readonly string[],
): KindSummary[] {
  const statusOf = new Map(deals.map((d) => [d.id, d.status]));
  const groups = new Map<string, ObjectionFacts[]>();
  for (const objection of objections) {
    if (!statusOf.has(objection.dealId)) continue;
    const key = kindKey(objection.kind);
    groups.set(key, [...(groups.get(key) ?? []), objection]);
  }
  const rank = (stageId: string) => {
    const index = stageOrder.indexOf(stageId);
    return index === -1 ? stageOrder.length : index;
  };
  return [...groups.values()]
    .map((group) => {
      const newest = group.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
      const stages = new Map<string, number>();
      for (const o of group) stages.set(o.stageId, (stages.get(o.stageId) ?? 0) + 1);
      const outcomes: Record<Outcome, number> = { won: 0, lost: 0, open: 0 };
      for (const dealId of new Set(group.map((o) => o.dealId)))
        outcomes[outcomeOf(statusOf.get(dealId)!)]++;
      return {
        kind: normalizeKind(newest.kind),
        count: group.length,
        byStage: [...stages]
          .map(([stageId, count]) => ({ stageId, count }))
          .sort((a, b) => rank(a.stageId) - rank(b.stageId)),
        outcomes,
        worked: answersThatWorked(group, statusOf),
        heard: [...group]
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((o) => o.words.trim())
          .filter(Boolean),
        lastAt: newest.createdAt,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

/**
 * The summaries a search keeps: every word must appear in the kind's name (as the rep reads
 * it), in what prospects said, or in an answer that worked.
 */
export function searchCheatSheet(
  summaries: readonly KindSummary[],
  query: string,
  kindName: (kind: string) => string,
): KindSummary[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...summaries];
  return summaries.filter((summary) => {
    const haystack = [
      kindName(summary.kind),
      summary.kind,
      ...summary.heard,
      ...summary.worked.map((w) => w.answer),
    ]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
