import type { DealCard } from '../../storage/deal-cards';
import { money } from '../format';
import { plural } from '../../i18n/i18n';
import type { PipelineView } from './pipeline-view';
import { BoardCard } from './BoardCard';
import { ShowMore } from './ShowMore';

/** Cards drawn per column at first; the rest are a click away (search and filters narrow too). */
const CARDS_PER_COLUMN = 50;

interface Props {
  stage: PipelineView['settings']['stages'][number];
  /** The stage's deals that pass the filter and the search. */
  deals: DealCard[];
  view: PipelineView;
  stagnant: ReadonlySet<string>;
  expanded: boolean;
  onExpand(): void;
  /** A card dropped here (its deal id as the drag carried it). */
  onDropDeal(dealId: string | undefined): void;
  moveBy(deal: DealCard, step: number): void;
}

/** One stage of the board: its count and value, and a card per deal. */
export function BoardColumn({ stage, deals, view, stagnant, expanded, ...actions }: Props) {
  const total = deals.reduce((sum, d) => sum + d.value, 0);
  return (
    <section
      class="column"
      aria-label={stage.name}
      data-stage-id={stage.id}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        actions.onDropDeal(e.dataTransfer?.getData('text/plain'));
      }}
    >
      <header>
        <h3>{stage.name}</h3>
        <p class="totals">
          {plural('board_count', deals.length)} · {money(total, view.settings.currency)}
        </p>
      </header>
      <ul>
        {(expanded ? deals : deals.slice(0, CARDS_PER_COLUMN)).map((deal) => (
          <BoardCard
            key={deal.id}
            deal={deal}
            view={view}
            stagnant={stagnant.has(deal.id)}
            moveBy={actions.moveBy}
          />
        ))}
      </ul>
      {!expanded && (
        <ShowMore shown={CARDS_PER_COLUMN} total={deals.length} onMore={actions.onExpand} />
      )}
    </section>
  );
}
