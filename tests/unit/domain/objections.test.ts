import { describe, expect, it } from 'vitest';
import { cadenceOf, DEFAULT_CADENCE } from '../../../domain/cadence';
import {
  answersThatWorked,
  cheatSheet,
  defaultAnswerDue,
  earliestAnswerDue,
  normalizeKind,
  searchCheatSheet,
  type ObjectionFacts,
} from '../../../domain/objections';
import type { DealStatus } from '../../../domain/types';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026

let n = 0;
function objection(fields: Partial<ObjectionFacts> & { dealId: string }): ObjectionFacts {
  n++;
  return {
    id: `o${n}`,
    kind: 'price',
    words: '',
    answer: '',
    stageId: 'proposal',
    createdAt: T0 + n * 1000,
    answeredAt: null,
    answerDueAt: null,
    promiseClosedAt: null,
    ...fields,
  };
}

const deals: { id: string; status: DealStatus }[] = [
  { id: 'won-1', status: 'won' },
  { id: 'won-2', status: 'won' },
  { id: 'lost', status: 'lost' },
  { id: 'dq', status: 'disqualified' },
  { id: 'open', status: 'open' },
];

describe('the cheat sheet', () => {
  const objections = [
    objection({ dealId: 'won-1', words: 'Too expensive', answer: 'Annual plan: two months free' }),
    objection({ dealId: 'won-1', words: 'Still too much', stageId: 'negotiation' }),
    objection({ dealId: 'won-2', answer: 'Pay per seat, start with ten', answeredAt: T0 + DAY }),
    objection({ dealId: 'lost', answer: 'We cannot go lower' }),
    objection({ dealId: 'dq' }),
    objection({ dealId: 'open', stageId: 'qualification' }),
    objection({ dealId: 'open', kind: 'Legal review', words: 'Our lawyers need a month' }),
    objection({ dealId: 'lost', kind: 'legal  REVIEW' }),
    objection({ dealId: 'gone', kind: 'timing' }),
  ];
  const sheet = cheatSheet(objections, deals, ['qualification', 'proposal', 'negotiation']);

  it('counts each kind, most frequent first, a custom kind whatever its case or spacing', () => {
    expect(sheet.map((s) => [s.kind, s.count])).toEqual([
      ['price', 6],
      ['legal REVIEW', 2],
    ]);
  });

  it('counts how often a kind came up in each stage, in pipeline order', () => {
    expect(sheet[0]!.byStage).toEqual([
      { stageId: 'qualification', count: 1 },
      { stageId: 'proposal', count: 4 },
      { stageId: 'negotiation', count: 1 },
    ]);
  });

  it('counts each deal that met a kind once by how it ended: lost and disqualified are lost', () => {
    expect(sheet[0]!.outcomes).toEqual({ won: 2, lost: 2, open: 1 });
    expect(sheet[1]!.outcomes).toEqual({ won: 0, lost: 1, open: 1 });
  });

  it('lists the answers given on won deals only, newest first', () => {
    expect(sheet[0]!.worked.map((w) => w.answer)).toEqual([
      'Pay per seat, start with ten',
      'Annual plan: two months free',
    ]);
  });

  it('leaves out objections of deals that no longer exist', () => {
    expect(sheet.find((s) => s.kind === 'timing')).toBeUndefined();
  });

  it('finds kinds by their name in the rep’s language, the prospect’s words or a working answer', () => {
    const names: Record<string, string> = { price: 'Fiyat' };
    const name = (kind: string) => names[kind] ?? kind;
    expect(searchCheatSheet(sheet, 'fiyat', name).map((s) => s.kind)).toEqual(['price']);
    expect(searchCheatSheet(sheet, 'lawyers', name).map((s) => s.kind)).toEqual(['legal REVIEW']);
    expect(searchCheatSheet(sheet, 'two months', name).map((s) => s.kind)).toEqual(['price']);
    expect(searchCheatSheet(sheet, 'cannot go lower', name)).toEqual([]);
    expect(searchCheatSheet(sheet, '  ', name)).toHaveLength(2);
  });

  it('offers the answers that worked for one kind', () => {
    const statusOf = new Map(deals.map((d) => [d.id, d.status]));
    expect(answersThatWorked(objections, statusOf, 'PRICE')).toHaveLength(2);
    expect(answersThatWorked(objections, statusOf, 'timing')).toEqual([]);
  });
});

describe('kinds', () => {
  it('keeps a built-in kind by its id, and the rep’s own as typed', () => {
    expect(normalizeKind('  Price ')).toBe('price');
    expect(normalizeKind('Legal   review')).toBe('Legal review');
  });
});

describe('a promised answer', () => {
  it('is due two business days later by default, from the start of that day', () => {
    const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
    // Monday afternoon: Wednesday. Thursday: Monday. Saturday: Tuesday.
    expect(defaultAnswerDue(at(2026, 11, 2, 15))).toBe(at(2026, 11, 4));
    expect(defaultAnswerDue(at(2026, 11, 5, 9))).toBe(at(2026, 11, 9));
    expect(defaultAnswerDue(at(2026, 11, 7, 9))).toBe(at(2026, 11, 10));
    expect(defaultAnswerDue(at(2026, 11, 2, 15), 5)).toBe(at(2026, 11, 9));
  });

  it('makes the deal due on its day and overdue as long after it as the cadence allows', () => {
    const due = Date.UTC(2026, 10, 4);
    const deal = {
      status: 'open' as const,
      createdAt: T0,
      stageChangedAt: T0,
      lastTouchAt: T0,
      snoozedUntil: null,
      answerDueAt: due,
    };
    expect(cadenceOf(deal, DEFAULT_CADENCE, due - 1).state).toBe('on-track');
    expect(cadenceOf(deal, DEFAULT_CADENCE, due).state).toBe('due');
    expect(cadenceOf(deal, DEFAULT_CADENCE, due).dueAt).toBe(due);
    expect(cadenceOf(deal, DEFAULT_CADENCE, due + 2 * DAY).state).toBe('overdue');
    expect(cadenceOf({ ...deal, answerDueAt: null }, DEFAULT_CADENCE, due).state).toBe('on-track');
  });

  it('is owed until kept; the earliest open promise counts', () => {
    const open = { answerDueAt: 300, promiseClosedAt: null };
    const kept = { answerDueAt: 100, promiseClosedAt: 50 };
    expect(earliestAnswerDue([kept, open, { answerDueAt: 200, promiseClosedAt: null }])).toBe(200);
    expect(earliestAnswerDue([kept, { answerDueAt: null, promiseClosedAt: null }])).toBeNull();
  });
});
