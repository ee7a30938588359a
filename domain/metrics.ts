import type { DealStatus, StageDefinition } from './types';

export interface MetricsDeal {
  id: string;
  status: DealStatus;
  value: number;
  stageId: string;
  createdAt: number;
  stageChangedAt: number;
  closedAt: number | null;
}

export interface StageChangeFacts {
  dealId: string;
  /** null when the deal was created in `to`. */
  from: string | null;
  to: string;
  at: number;
}

const DAY = 86_400_000;

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/** Open deals per stage: how many and their total value, every stage listed in order. */
export function dealsPerStage(deals: readonly MetricsDeal[], stages: readonly StageDefinition[]) {
  // One pass over the deals, not one per stage (10,000 deals, seven stages).
  const totals = new Map(stages.map((stage) => [stage.id, { count: 0, value: 0 }]));
  for (const deal of deals) {
    const total = deal.status === 'open' ? totals.get(deal.stageId) : undefined;
    if (total) {
      total.count++;
      total.value += deal.value;
    }
  }
  return stages.map((stage) => ({ stageId: stage.id, ...totals.get(stage.id)! }));
}

/**
 * The furthest stage each deal has reached: its current stage, every stage its history went
 * through, and, for a won deal, the whole pipeline.
 */
function furthestStageReached(
  deals: readonly MetricsDeal[],
  history: readonly StageChangeFacts[],
  stages: readonly StageDefinition[],
) {
  const index = new Map(stages.map((stage, i) => [stage.id, i]));
  const furthest = new Map<string, number>();
  const known = new Set<string>();
  const reach = (dealId: string, stageId: string) => {
    const i = index.get(stageId);
    if (i !== undefined && i > (furthest.get(dealId) ?? -1)) furthest.set(dealId, i);
  };
  for (const deal of deals) {
    known.add(deal.id);
    reach(deal.id, deal.stageId);
    if (deal.status === 'won') furthest.set(deal.id, stages.length - 1);
  }
  for (const change of history) if (known.has(change.dealId)) reach(change.dealId, change.to);
  return furthest;
}

/**
 * Stage-to-stage conversion: of the deals that reached a stage, the share that reached the
 * next one or any later one (reaching a later stage means having passed the earlier ones).
 */
export function stageConversion(
  deals: readonly MetricsDeal[],
  history: readonly StageChangeFacts[],
  stages: readonly StageDefinition[],
) {
  // reachedAtLeast[i]: the deals whose furthest stage is i or later (counted once, summed back).
  const reachedAtLeast = new Array<number>(stages.length + 1).fill(0);
  for (const f of furthestStageReached(deals, history, stages).values()) reachedAtLeast[f]!++;
  for (let i = stages.length - 1; i >= 0; i--) reachedAtLeast[i]! += reachedAtLeast[i + 1]!;
  return stages.slice(0, -1).map((stage, i) => {
    const reached = reachedAtLeast[i]!;
    const advanced = reachedAtLeast[i + 1]!;
    return {
      from: stage.id,
      to: stages[i + 1]!.id,
      reached,
      advanced,
      rate: reached === 0 ? null : advanced / reached,
    };
  });
}

/** Won ÷ (won + lost). Disqualified deals were never real opportunities and are left out. */
export function winRate(deals: readonly MetricsDeal[]): number | null {
  const won = deals.filter((deal) => deal.status === 'won').length;
  const lost = deals.filter((deal) => deal.status === 'lost').length;
  return won + lost === 0 ? null : won / (won + lost);
}

/** Mean value of won deals. */
export function averageDealSize(deals: readonly MetricsDeal[]): number | null {
  return mean(deals.filter((deal) => deal.status === 'won').map((deal) => deal.value));
}

/** Mean days from creation to winning, over won deals. */
export function averageSalesCycleDays(deals: readonly MetricsDeal[]): number | null {
  return mean(
    deals
      .filter((deal) => deal.status === 'won' && deal.closedAt !== null)
      .map((deal) => (deal.closedAt! - deal.createdAt) / DAY),
  );
}

/** Open deals × win rate × average deal size ÷ average sales cycle: value expected per day. */
export function salesVelocity(deals: readonly MetricsDeal[]): number | null {
  const open = deals.filter((deal) => deal.status === 'open').length;
  const rate = winRate(deals);
  const size = averageDealSize(deals);
  const cycle = averageSalesCycleDays(deals);
  if (rate === null || size === null || cycle === null || cycle === 0) return null;
  return (open * rate * size) / cycle;
}

/** Days a deal has spent in its current stage. */
export function currentDaysInStage(deal: Pick<MetricsDeal, 'stageChangedAt'>, now: number): number {
  return Math.max(0, (now - deal.stageChangedAt) / DAY);
}

function inTimeOrder(changes: readonly StageChangeFacts[]): boolean {
  for (let i = 1; i < changes.length; i++) if (changes[i]!.at < changes[i - 1]!.at) return false;
  return true;
}

/**
 * Average days deals spent in each stage, over completed stays: from the change that
 * entered the stage to the deal's next change. null for a stage no deal has left yet.
 */
export function timeInStage(
  history: readonly StageChangeFacts[],
  stages: readonly StageDefinition[],
) {
  const byDeal = new Map<string, StageChangeFacts[]>();
  for (const change of history) {
    const changes = byDeal.get(change.dealId);
    if (changes) changes.push(change);
    else byDeal.set(change.dealId, [change]);
  }
  const stays = new Map<string, number[]>(stages.map((stage) => [stage.id, []]));
  for (const changes of byDeal.values()) {
    // Mostly written in time order already: sorted (stably, as before) only when not.
    if (!inTimeOrder(changes)) changes.sort((a, b) => a.at - b.at);
    for (let i = 0; i < changes.length - 1; i++) {
      const entered = changes[i]!;
      stays.get(entered.to)?.push((changes[i + 1]!.at - entered.at) / DAY);
    }
  }
  return stages.map((stage) => ({
    stageId: stage.id,
    averageDays: mean(stays.get(stage.id) ?? []),
  }));
}

/**
 * Open deals stuck in their stage: in it for more than `factor` times the average completed
 * stay there. A stage no deal has left yet has no average and flags nothing.
 */
export function stagnantDeals(
  deals: readonly MetricsDeal[],
  history: readonly StageChangeFacts[],
  stages: readonly StageDefinition[],
  now: number,
  factor = 2,
) {
  return stagnantAgainst(deals, timeInStage(history, stages), now, factor);
}

/** stagnantDeals, given the average stays already worked out. */
function stagnantAgainst(
  deals: readonly MetricsDeal[],
  stays: ReturnType<typeof timeInStage>,
  now: number,
  factor = 2,
) {
  const average = new Map(stays.map((row) => [row.stageId, row.averageDays]));
  const stagnant: { dealId: string; stageId: string; days: number; averageDays: number }[] = [];
  for (const deal of deals) {
    if (deal.status !== 'open') continue;
    const averageDays = average.get(deal.stageId) ?? null;
    const days = currentDaysInStage(deal, now);
    if (averageDays !== null && days > factor * averageDays)
      stagnant.push({ dealId: deal.id, stageId: deal.stageId, days, averageDays });
  }
  return stagnant;
}

/** Every pipeline health number at once, for the metrics page. */
export function pipelineMetrics(
  deals: readonly MetricsDeal[],
  history: readonly StageChangeFacts[],
  stages: readonly StageDefinition[],
  now: number,
) {
  // The average stays feed both their own table and the stagnant deals: worked out once.
  const stays = timeInStage(history, stages);
  return {
    dealsPerStage: dealsPerStage(deals, stages),
    stageConversion: stageConversion(deals, history, stages),
    winRate: winRate(deals),
    averageDealSize: averageDealSize(deals),
    averageSalesCycleDays: averageSalesCycleDays(deals),
    salesVelocity: salesVelocity(deals),
    timeInStage: stays,
    stagnantDeals: stagnantAgainst(deals, stays, now),
  };
}
