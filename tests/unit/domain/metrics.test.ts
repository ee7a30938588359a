import { describe, expect, it } from 'vitest';
import {
  averageDealSize,
  averageSalesCycleDays,
  currentDaysInStage,
  dealsPerStage,
  pipelineMetrics,
  salesVelocity,
  stageConversion,
  stagnantDeals,
  timeInStage,
  winRate,
  type MetricsDeal,
  type StageChangeFacts,
} from '../../../domain/metrics';
import type { StageDefinition } from '../../../domain/types';

const DAY = 86_400_000;
const stage = (id: string): StageDefinition => ({
  id,
  name: id,
  entry: '',
  exitChecklist: [],
  bantGate: false,
});
const stages = ['a', 'b', 'c', 'd'].map(stage);
const now = 100 * DAY;

const deal = (id: string, fields: Partial<MetricsDeal>): MetricsDeal => ({
  id,
  status: 'open',
  value: 0,
  stageId: 'a',
  createdAt: 0,
  stageChangedAt: 0,
  closedAt: null,
  ...fields,
});

// Six deals, by hand:
//  o1 open in a, 1,000, entered a at day 0 and never left.
//  o2 open in c, 3,000: a (day 0) → b (day 10) → c (day 30).
//  o3 open in b, 2,000: a (day 20) → b (day 30); 70 days in b by day 100.
//  w1 won 10,000: created day 0 in a → d (day 40), won day 50.
//  w2 won 20,000: created day 10 in a → b (day 14), won day 40.
//  l1 lost 5,000: created day 0 in a → b (day 6), lost day 8.
//  q1 disqualified 7,000 in a.
const deals: MetricsDeal[] = [
  deal('o1', { value: 1_000 }),
  deal('o2', { value: 3_000, stageId: 'c', stageChangedAt: 30 * DAY }),
  deal('o3', { value: 2_000, stageId: 'b', createdAt: 20 * DAY, stageChangedAt: 30 * DAY }),
  deal('w1', {
    value: 10_000,
    status: 'won',
    stageId: 'd',
    stageChangedAt: 40 * DAY,
    closedAt: 50 * DAY,
  }),
  deal('w2', {
    value: 20_000,
    status: 'won',
    stageId: 'b',
    createdAt: 10 * DAY,
    stageChangedAt: 14 * DAY,
    closedAt: 40 * DAY,
  }),
  deal('l1', {
    value: 5_000,
    status: 'lost',
    stageId: 'b',
    stageChangedAt: 6 * DAY,
    closedAt: 8 * DAY,
  }),
  deal('q1', { value: 7_000, status: 'disqualified' }),
];
const change = (
  dealId: string,
  from: string | null,
  to: string,
  day: number,
): StageChangeFacts => ({ dealId, from, to, at: day * DAY });
const history: StageChangeFacts[] = [
  change('o1', null, 'a', 0),
  change('o2', null, 'a', 0),
  change('o2', 'a', 'b', 10),
  change('o2', 'b', 'c', 30),
  change('o3', null, 'a', 20),
  change('o3', 'a', 'b', 30),
  change('w1', null, 'a', 0),
  change('w1', 'a', 'd', 40),
  change('w2', null, 'a', 10),
  change('w2', 'a', 'b', 14),
  change('l1', null, 'a', 0),
  change('l1', 'a', 'b', 6),
  change('q1', null, 'a', 0),
];

describe('pipeline metrics', () => {
  it('counts open deals and their value per stage, empty stages included', () => {
    expect(dealsPerStage(deals, stages)).toEqual([
      { stageId: 'a', count: 1, value: 1_000 },
      { stageId: 'b', count: 1, value: 2_000 },
      { stageId: 'c', count: 1, value: 3_000 },
      { stageId: 'd', count: 0, value: 0 },
    ]);
  });

  it('converts stage to stage by the furthest stage each deal reached', () => {
    // Furthest: o1 a(0), o2 c(2), o3 b(1), w1 d(3, won), w2 d(3, won), l1 b(1), q1 a(0).
    expect(stageConversion(deals, history, stages)).toEqual([
      { from: 'a', to: 'b', reached: 7, advanced: 5, rate: 5 / 7 },
      { from: 'b', to: 'c', reached: 5, advanced: 3, rate: 3 / 5 },
      { from: 'c', to: 'd', reached: 3, advanced: 2, rate: 2 / 3 },
    ]);
  });

  it('computes win rate, deal size, cycle and velocity', () => {
    expect(winRate(deals)).toBe(2 / 3); // 2 won, 1 lost; disqualified left out
    expect(averageDealSize(deals)).toBe(15_000); // (10,000 + 20,000) / 2
    expect(averageSalesCycleDays(deals)).toBe(40); // (50 + 30) / 2
    expect(salesVelocity(deals)).toBe((3 * (2 / 3) * 15_000) / 40); // 750 a day
    expect(winRate([])).toBeNull();
    expect(salesVelocity([deal('x', {})])).toBeNull();
  });

  it('averages completed stays per stage and flags deals stuck far longer', () => {
    // Stays in a: o2 10, o3 10, w1 40, w2 4, l1 6 → 70 / 5 = 14. In b: o2 20 → 20.
    expect(timeInStage(history, stages)).toEqual([
      { stageId: 'a', averageDays: 14 },
      { stageId: 'b', averageDays: 20 },
      { stageId: 'c', averageDays: null },
      { stageId: 'd', averageDays: null },
    ]);
    expect(currentDaysInStage(deals[2]!, now)).toBe(70);
    // o1: 100 days in a > 2 × 14; o3: 70 days in b > 2 × 20; o2 in c has no average.
    expect(stagnantDeals(deals, history, stages, now)).toEqual([
      { dealId: 'o1', stageId: 'a', days: 100, averageDays: 14 },
      { dealId: 'o3', stageId: 'b', days: 70, averageDays: 20 },
    ]);
    expect(stagnantDeals(deals, history, stages, now, 4).map((s) => s.dealId)).toEqual(['o1']);
  });

  it('gathers every number in one report', () => {
    const report = pipelineMetrics(deals, history, stages, now);
    expect(report.winRate).toBe(2 / 3);
    expect(report.stagnantDeals).toHaveLength(2);
    expect(report.dealsPerStage).toHaveLength(4);
  });
});
