import { t } from '../../i18n/i18n';
import { OwnerScopeChoice } from './OwnerScopeChoice';
import type { OwnerScope } from './use-owner-scope';

export type BoardFilter = 'all' | 'due' | 'stagnant';

interface Props {
  filter: BoardFilter;
  onFilter(filter: BoardFilter): void;
  query: string;
  onQuery(query: string): void;
  /** The rep's deals or the team's; absent without a team. */
  scope?: { value: OwnerScope; onScope(scope: OwnerScope): void };
}

/** Which open deals the board shows: all, due, or stagnant ones, narrowed by a search. */
export function BoardFilters({ filter, onFilter, query, onQuery, scope }: Props) {
  return (
    <div class="filters" role="group" aria-label={t('board_filters')}>
      {scope && <OwnerScopeChoice scope={scope.value} onScope={scope.onScope} name="board-owner" />}
      {(['all', 'due', 'stagnant'] as const).map((f) => (
        <label key={f}>
          <input
            type="radio"
            name="board-filter"
            checked={filter === f}
            onChange={() => onFilter(f)}
          />{' '}
          {t(`board_filter_${f}`)}
        </label>
      ))}
      <input
        type="search"
        placeholder={t('link_search_placeholder')}
        aria-label={t('board_search')}
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
