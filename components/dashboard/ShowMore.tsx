import { t } from '../../i18n/i18n';

/** How many more rows each "show more" adds to a long list. */
export const MORE_ROWS = 500;

interface Props {
  shown: number;
  total: number;
  onMore(): void;
}

/** "Showing 50 of 120: show more" under a list drawn in part; nothing once all of it shows. */
export function ShowMore({ shown, total, onMore }: Props) {
  if (total <= shown) return null;
  return (
    <button type="button" class="more" onClick={onMore}>
      {t('show_more', [String(shown), String(total)])}
    </button>
  );
}
