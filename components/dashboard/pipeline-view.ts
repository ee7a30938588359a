import { cadenceOf, type Cadence } from '../../domain/cadence';
import { stagnantDeals, type StageChangeFacts } from '../../domain/metrics';
import type { DealCard } from '../../storage/deal-cards';
import type { Settings } from '../../storage/schemas';

/**
 * One load of what the follow-up queue and the board show, and what they derive from it.
 * Each derived value is worked out once per load, when first asked for, however often the
 * sections render: a search keystroke must not recompute thousands of cadences.
 */
export interface PipelineView {
  /** The open deals' cards, most recently updated first. */
  open: DealCard[];
  settings: Settings;
  /** The clock of this load: every section measures against the same moment. */
  now: number;
  cadence(deal: DealCard): Cadence;
  /**
   * Ids of the open deals stagnantDeals names (the same ones the metrics list); none while
   * the stage history is still being read (it comes after the first paint).
   */
  stagnant(): ReadonlySet<string>;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

export function pipelineView(
  open: DealCard[],
  history: readonly StageChangeFacts[] | null,
  settings: Settings,
  now: number,
): PipelineView {
  const cadences = new Map<string, Cadence>();
  return {
    open,
    settings,
    now,
    cadence(deal) {
      let cadence = cadences.get(deal.id);
      if (!cadence) cadences.set(deal.id, (cadence = cadenceOf(deal, settings.cadence, now)));
      return cadence;
    },
    stagnant: once(
      () =>
        new Set(
          history ? stagnantDeals(open, history, settings.stages, now).map((s) => s.dealId) : [],
        ),
    ),
  };
}
