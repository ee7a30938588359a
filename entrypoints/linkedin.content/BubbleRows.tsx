import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { request, RequestError } from '../../messaging/client';
import type { LinkInput } from '../../storage/inputs';
import type { OverlayConversation } from '../../sites/linkedin/read-conversation';
import { bubbleLink } from './bubble-link';
import { usePersonConversation } from './person-hooks';

/**
 * The chat bubbles open over the page, one compact row each, below whatever the page shows:
 * the deal a bubble counts toward, or its person's deal to link in one click.
 */
export function BubbleRows({ bubbles }: { bubbles: OverlayConversation[] }) {
  const rows = bubbles.flatMap((bubble) => {
    const linked = bubbleLink(bubble);
    return linked ? [{ bubble, ...linked }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <section class="tl-bubbles" aria-label={t('chat_bubbles')}>
      <h3 class="tl-hint">{t('chat_bubbles')}</h3>
      <ul class="tl-deal-list">
        {rows.map((row) => (
          <BubbleRow key={row.key} bubble={row.bubble} linkKey={row.key} link={row.link} />
        ))}
      </ul>
    </section>
  );
}

function BubbleRow({
  bubble,
  linkKey,
  link,
}: {
  bubble: OverlayConversation;
  linkKey: string;
  link: LinkInput;
}) {
  const { partner } = bubble;
  const { state, found, linked } = usePersonConversation(partner, linkKey, link, bubble.messages);
  const [error, setError] = useState<string | null>(null);
  const suggestion =
    state.status === 'unlinked' ? found?.deals.find((d) => d.status === 'open') : undefined;
  const linkTo = async (dealId: string) => {
    setError(null);
    try {
      linked(await request({ type: 'link.add', dealId, link }));
    } catch (e) {
      setError(e instanceof RequestError ? e.message : String(e));
    }
  };
  const detail =
    state.status === 'linked'
      ? state.view.deal.title
      : state.status === 'unlinked'
        ? (suggestion?.title ?? t('not_linked'))
        : state.status === 'error'
          ? state.message
          : '…';
  return (
    <li aria-label={partner.name} data-state={suggestion ? 'suggested' : state.status}>
      <span class="tl-deal-name">
        <strong>{partner.name}</strong>
        <small> · {detail}</small>
        {error && <small class="tl-error"> {error}</small>}
      </span>
      {suggestion && (
        <button
          type="button"
          onClick={() => void linkTo(suggestion.id)}
          aria-label={t('link_to_named', suggestion.title)}
        >
          {t('link')}
        </button>
      )}
    </li>
  );
}
