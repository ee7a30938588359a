import { t } from '../../i18n/i18n';

export type BoardFilter = 'all' | 'due' | 'stagnant';

interface Props {
  filter: BoardFilter;
  onFilter(filter: BoardFilter): void;
  query: string;
  onQuery(query: string): void;
}

/** Which open deals the board shows: all, due, or stagnant ones, narrowed by a search. */
export function BoardFilters({ filter, onFilter, query, onQuery }: Props) {
  return (
    <div class="filters" role="group" aria-label={t('board_filters')}>
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
