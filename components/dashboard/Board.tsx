import { useMemo, useState } from 'preact/hooks';
import { currentDaysInStage } from '../../domain/metrics';
import type { Deal } from '../../storage/schemas';
import { request } from '../../messaging/client';
import { money } from '../format';
import { plural, t } from '../../i18n/i18n';
import type { PipelineView } from './pipeline-view';
import { ShowMore } from './ShowMore';
import { writeErrorText } from './write-error';

interface Props {
  view: PipelineView;
}

type Filter = 'all' | 'due' | 'stagnant';

/** Cards drawn per column at first; the rest are a click away (search and filters narrow too). */
const CARDS_PER_COLUMN = 50;

/**
 * The pipeline: a column per stage with its count and value, a card per open deal. Cards move
 * by drag and drop, or from the keyboard with the arrow keys (left and right change stage).
 */
export function Board({ view }: Props) {
  const { open: deals, settings, now } = view;
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const stagnant = view.stagnant();

  // The open deals that pass the filter and the search, by stage, in one pass.
  const byStage = useMemo(() => {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const columns = new Map<string, Deal[]>();
    for (const deal of view.open) {
      if (deal.status !== 'open') continue;
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
  }, [view, filter, query]);

  const move = async (deal: Deal, stageId: string) => {
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
  const moveBy = (deal: Deal, step: number) => {
    const index = settings.stages.findIndex((s) => s.id === deal.stageId);
    const next = settings.stages[index + step];
    if (next) void move(deal, next.id);
  };

  return (
    <section class="board" aria-labelledby="board-heading">
      <h2 id="board-heading">{t('board_heading')}</h2>
      <div class="filters" role="group" aria-label={t('board_filters')}>
        {(['all', 'due', 'stagnant'] as const).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name="board-filter"
              checked={filter === f}
              onChange={() => setFilter(f)}
            />{' '}
            {t(`board_filter_${f}`)}
          </label>
        ))}
        <input
          type="search"
          placeholder={t('link_search_placeholder')}
          aria-label={t('board_search')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <p class="sr-only" role="status">
        {announcement}
      </p>
      <div class="columns">
        {settings.stages.map((stage) => {
          const here = byStage.get(stage.id) ?? [];
          const total = here.reduce((sum, d) => sum + d.value, 0);
          return (
            <section
              key={stage.id}
              class="column"
              aria-label={stage.name}
              data-stage-id={stage.id}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const deal = deals.find((d) => d.id === e.dataTransfer?.getData('text/plain'));
                if (deal) void move(deal, stage.id);
              }}
            >
              <header>
                <h3>{stage.name}</h3>
                <p class="totals">
                  {plural('board_count', here.length)} · {money(total, settings.currency)}
                </p>
              </header>
              <ul>
                {(expanded.has(stage.id) ? here : here.slice(0, CARDS_PER_COLUMN)).map((deal) => {
                  const state = view.cadence(deal).state;
                  return (
                    <li key={deal.id}>
                      <button
                        type="button"
                        class={`card cadence-${state}`}
                        draggable
                        data-deal-id={deal.id}
                        aria-keyshortcuts="ArrowLeft ArrowRight"
                        aria-description={t('board_card_help')}
                        onDragStart={(e) => e.dataTransfer?.setData('text/plain', deal.id)}
                        onKeyDown={(e) => {
                          if (e.key === 'ArrowRight') {
                            e.preventDefault();
                            moveBy(deal, 1);
                          }
                          if (e.key === 'ArrowLeft') {
                            e.preventDefault();
                            moveBy(deal, -1);
                          }
                        }}
                        onClick={() => (location.hash = `deal/${encodeURIComponent(deal.id)}`)}
                      >
                        <span class="card-title">{deal.title}</span>
                        {deal.company && <span class="card-company">{deal.company}</span>}
                        <span class="card-meta">
                          {deal.value > 0 && <span>{money(deal.value, deal.currency)}</span>}
                          <span>
                            {t(
                              'board_days_in_stage',
                              String(Math.floor(currentDaysInStage(deal, now))),
                            )}
                          </span>
                          <span class={`cadence cadence-${state}`}>
                            {t(`cadence_${state.replace('-', '_')}`)}
                            {deal.followUpCount > 0 &&
                              ` · ${t('follow_up_n', String(deal.followUpCount))}`}
                          </span>
                          {stagnant.has(deal.id) && (
                            <span class="stagnant">{t('board_stagnant')}</span>
                          )}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {!expanded.has(stage.id) && (
                <ShowMore
                  shown={CARDS_PER_COLUMN}
                  total={here.length}
                  onMore={() => setExpanded(new Set([...expanded, stage.id]))}
                />
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
