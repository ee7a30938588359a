import { useMemo, useState } from 'preact/hooks';
import type { DealCard } from '../../storage/deal-cards';
import { request } from '../../messaging/client';
import { t } from '../../i18n/i18n';
import type { PipelineView } from './pipeline-view';
import { BoardColumn } from './BoardColumn';
import { BoardFilters, type BoardFilter } from './BoardFilters';
import { writeErrorText } from './write-error';
import { repsOwnerName } from '../../domain/owners';
import { inScope, useOwnerScope } from './use-owner-scope';

interface Props {
  view: PipelineView;
}

/**
 * The pipeline: a column per stage with its count and value, a card per open deal. Cards move
 * by drag and drop, or from the keyboard with the arrow keys (left and right change stage).
 */
export function Board({ view }: Props) {
  const { open: deals, settings } = view;
  const [filter, setFilter] = useState<BoardFilter>('all');
  const [scope, setScope] = useOwnerScope();
  // In a team, or after leaving one (a teammate's deals stay, under "Team").
  const rep = repsOwnerName(settings);
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const stagnant = view.stagnant();

  // The open deals that pass the filter and the search, by stage, in one pass.
  const byStage = useMemo(() => {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const columns = new Map<string, DealCard[]>();
    for (const deal of view.open) {
      if (deal.status !== 'open' || !inScope(deal, scope, rep)) continue;
      const state = view.cadence(deal).state;
      if (filter === 'due' && state !== 'due' && state !== 'overdue') continue;
      if (filter === 'stagnant' && !view.stagnant().has(deal.id)) continue;
      const text = `${deal.title} ${deal.company}`.toLocaleLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
      const column = columns.get(deal.stageId);
      if (column) column.push(deal);
      else columns.set(deal.stageId, [deal]);
    }
    return columns;
  }, [view, filter, query, scope, rep]);

  const move = async (deal: DealCard, stageId: string) => {
    if (stageId === deal.stageId) return;
    try {
      await request({ type: 'stage.move', dealId: deal.id, stageId });
      setAnnouncement(
        t('board_moved', [
          deal.title,
          settings.stages.find((s) => s.id === stageId)?.name ?? stageId,
        ]),
      );
    } catch (error) {
      setAnnouncement(writeErrorText(error));
    }
  };
  const moveBy = (deal: DealCard, step: number) => {
    const index = settings.stages.findIndex((s) => s.id === deal.stageId);
    const next = settings.stages[index + step];
    if (next) void move(deal, next.id);
  };

  return (
    <section class="board" aria-labelledby="board-heading">
      <h2 id="board-heading">{t('board_heading')}</h2>
      <BoardFilters
        filter={filter}
        onFilter={setFilter}
        query={query}
        onQuery={setQuery}
        scope={rep ? { value: scope, onScope: setScope } : undefined}
      />
      <p class="sr-only" role="status">
        {announcement}
      </p>
      <div class="columns">
        {settings.stages.map((stage) => (
          <BoardColumn
            key={stage.id}
            stage={stage}
            deals={byStage.get(stage.id) ?? []}
            view={view}
            stagnant={stagnant}
            expanded={expanded.has(stage.id)}
            onExpand={() => setExpanded(new Set([...expanded, stage.id]))}
            onDropDeal={(dealId) => {
              const deal = deals.find((d) => d.id === dealId);
              if (deal) void move(deal, stage.id);
            }}
            moveBy={moveBy}
          />
        ))}
      </div>
    </section>
  );
}
