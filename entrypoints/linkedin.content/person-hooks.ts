import { useEffect, useState } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { ReplyData } from '../../messaging/replies';
import type { LinkedDeal } from '../../components/panel/use-deal-for-key';
import type { DealView } from '../../storage/deal-view';
import type { LinkInput } from '../../storage/inputs';
import type { LinkedInMessage, Partner } from '../../sites/linkedin/read-conversation';
import { useDealForKey } from '../../components/panel/use-deal-for-key';
import type { LinkedInPerson } from '../../sites/linkedin/route';
import { touchesOfMessages } from './message-touches';
import { useTouchSync } from '../../components/panel/use-touch-sync';

export type PersonDeals = ReplyData['person.deals'];

/**
 * The deals of a person (by slug or member id), fetched while `active`. `linkKey` is what
 * this page would link by itself: the reply says whether it may (not if the rep unlinked it).
 */
export function usePersonDeals(
  person: LinkedInPerson | null,
  active: boolean,
  linkKey: string | null = null,
): PersonDeals | null {
  const [found, setFound] = useState<PersonDeals | null>(null);
  const ids = person && (person.slug || person.memberId) ? `${person.slug}|${person.memberId}` : '';
  useEffect(() => {
    if (!active || !ids) return;
    let current = true;
    void request({
      type: 'person.deals',
      person: { slug: person!.slug, memberId: person!.memberId },
      linkKey,
    }).then(
      (reply) => current && setFound(reply),
      () => undefined,
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids is the person's identity as a string
  }, [ids, active, linkKey]);
  return found;
}

/** The deal a person's messages belong to: the one their profile is linked to, or their only open deal. */
function dealOfPerson(found: PersonDeals | null): string | null {
  const open = found?.deals.filter((d) => d.status === 'open') ?? [];
  return open[0] && (open[0].id === found!.linked || open.length === 1) ? open[0].id : null;
}

// Links this page made by itself: one attempt per key while the page lives (the rep's unlink
// is remembered by the background, across reloads and tabs).
const autoLinked = new Set<string>();

/** Links `link` by itself to the person's one open deal, when the rep's setting says so. */
export function useAutoLink(
  found: PersonDeals | null,
  state: LinkedDeal,
  key: string,
  link: LinkInput,
  onLinked: (view: DealView) => void,
): void {
  useEffect(() => {
    const target =
      found?.autoLink && state.status === 'unlinked' && !autoLinked.has(key) && dealOfPerson(found);
    if (!target) return;
    autoLinked.add(key);
    void request({ type: 'link.add', dealId: target, link }).then(onLinked, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- decided once per lookup; the key is remembered in autoLinked
  }, [found, state.status]);
}

/** Counts a linked conversation's messages as touches of its deal, each once (by urn). */
export function useMessageTouches(dealId: string | null, messages: LinkedInMessage[] | null): void {
  const signature = messages?.map((m) => `${m.id}@${m.at}`).join(',') ?? '';
  useTouchSync(messages ? dealId : null, signature, (id) => touchesOfMessages(messages ?? [], id));
}

/**
 * A conversation with one person, on the messaging page or in a chat bubble: the deal its key
 * is linked to, the person's deals to suggest, linking by itself when the rep's setting says
 * so, and its messages as touches of the linked deal. Linking teaches the person's contact
 * the member id the conversation names them by.
 */
export function usePersonConversation(
  partner: Partner | null,
  key: string,
  link: LinkInput,
  messages: LinkedInMessage[] | null,
) {
  const { state, setView } = useDealForKey(key);
  const found = usePersonDeals(partner, state.status === 'unlinked', key);
  const linked = (view: DealView) => {
    setView(view);
    if (partner?.memberId)
      void request({
        type: 'person.learn',
        memberId: partner.memberId,
        dealId: view.deal.id,
        name: partner.name,
      }).catch(() => undefined);
  };
  useAutoLink(found, state, key, link, linked);
  useMessageTouches(state.status === 'linked' ? state.view.deal.id : null, messages);
  return { state, setView, found, linked };
}
