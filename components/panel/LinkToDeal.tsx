import { useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import type { LinkInput } from '../../storage/inputs';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { ErrorLine } from './ErrorLine';

interface Props {
  link: LinkInput;
  /** Deals suggested before any search (matching participants), best first. */
  suggestions: Deal[];
  onLinked(view: DealView): void;
}

/** Suggested deals, and a search over titles, companies and contacts, to link this to. */
export function LinkToDeal({ link, suggestions, onLinked }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Deal[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const found = await request({ type: 'deal.search', query, limit: 8 });
      if (current) setResults(found);
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const linkTo = async (deal: Deal) => {
    setError(null);
    try {
      onLinked(await request({ type: 'link.add', dealId: deal.id, link }));
    } catch (e) {
      setError(e instanceof RequestError ? e.message : String(e));
    }
  };

  const shown = results ?? suggestions;
  return (
    <div class="tl-link-to">
      <label class="tl-field">
        <span>{t('link_search')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('link_search_placeholder')}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      {results === null && suggestions.length > 0 && <p class="tl-hint">{t('suggested_deals')}</p>}
      {shown.length > 0 ? (
        <ul class="tl-deal-list">
          {shown.map((deal) => (
            <li key={deal.id}>
              <span class="tl-deal-name">
                {deal.title}
                {deal.company && <small> · {deal.company}</small>}
              </span>
              <button
                type="button"
                onClick={() => void linkTo(deal)}
                aria-label={t('link_to_named', deal.title)}
              >
                {t('link')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        results !== null && <p class="tl-hint">{t('no_deals_found')}</p>
      )}
      <ErrorLine message={error} />
    </div>
  );
}
