import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AddProspectForm } from '../../components/panel/AddProspectForm';
import { CannotRead } from '../../components/panel/CannotRead';
import { DealCard } from '../../components/panel/DealCard';
import { LinkToDeal } from '../../components/panel/LinkToDeal';
import { useDealForKey } from '../../components/panel/use-deal-for-key';
import { t } from '../../i18n/i18n';
import { request } from '../../messaging/client';
import type { ReplyData } from '../../messaging/replies';
import type { DealView } from '../../storage/deal-view';
import type { LinkInput } from '../../storage/inputs';
import { linkKey } from '../../domain/link-key';
import type { ConversationReading } from '../../sites/linkedin/read-conversation';
import type { ProfileReading } from '../../sites/linkedin/read-profile';
import type { LinkedInPerson } from '../../sites/linkedin/route';
import { touchesOfMessages } from './message-touches';

type PersonDeals = ReplyData['person.deals'];

/** The deals of a person (by slug or member id), fetched while `active`. */
function usePersonDeals(person: LinkedInPerson | null, active: boolean): PersonDeals | null {
  const [found, setFound] = useState<PersonDeals | null>(null);
  const ids = person && (person.slug || person.memberId) ? `${person.slug}|${person.memberId}` : '';
  useEffect(() => {
    if (!active || !ids) return;
    let current = true;
    void request({
      type: 'person.deals',
      person: { slug: person!.slug, memberId: person!.memberId },
    }).then(
      (reply) => current && setFound(reply),
      () => undefined,
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids is the person's identity as a string
  }, [ids, active]);
  return found;
}

/** The deal a person's messages belong to: the one their profile is linked to, or their only open deal. */
export function dealOfPerson(found: PersonDeals | null): string | null {
  const open = found?.deals.filter((d) => d.status === 'open') ?? [];
  return open[0] && (open[0].id === found!.linked || open.length === 1) ? open[0].id : null;
}

/** The quiet panel for an address whose escapes do not decode. */
export function UnreadableAddress() {
  return (
    <div class="tl-cannot-read">
      <p role="status">{t('cannot_read_page')}</p>
    </div>
  );
}

/** A profile page: the person's deal, or adding them as a prospect. */
export function ProfilePanel({ reading }: { reading: ProfileReading }) {
  const person = reading.kind === 'profile' ? reading.profile : reading;
  const id = (person.slug ?? person.memberId)!;
  const link: LinkInput = {
    kind: 'linkedin-profile',
    externalId: id,
    url: person.profileUrl,
    label: reading.kind === 'profile' ? reading.profile.name : id,
  };
  const key = linkKey({ kind: 'linkedin-profile', account: null, externalId: id });
  const { state, setView } = useDealForKey(key);
  const found = usePersonDeals(person, state.status === 'unlinked');
  // A prospect saved under the profile's address learns the member id the page shows.
  useEffect(() => {
    if (person.slug && person.memberId)
      void request({ type: 'person.learn', memberId: person.memberId, slug: person.slug }).catch(
        () => undefined,
      );
  }, [person.slug, person.memberId]);

  if (state.status === 'loading') return <p class="tl-hint">…</p>;
  if (state.status === 'error') return <p class="tl-error">{state.message}</p>;
  if (state.status === 'linked')
    return <DealCard view={state.view} linkKey={key} onView={setView} />;
  const linkToDeal = <LinkToDeal link={link} suggestions={found?.deals ?? []} onLinked={setView} />;
  if (reading.kind === 'unreadable')
    return <CannotRead what={t('this_profile')}>{linkToDeal}</CannotRead>;
  return <UnlinkedProfile profile={reading.profile} onView={setView} linkToDeal={linkToDeal} />;
}

function UnlinkedProfile({
  profile,
  onView,
  linkToDeal,
}: {
  profile: Extract<ProfileReading, { kind: 'profile' }>['profile'];
  onView(view: DealView): void;
  linkToDeal: ComponentChildren;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <section class="tl-unlinked" aria-label={t('not_a_prospect')}>
      <h2 class="tl-title">{profile.name}</h2>
      {profile.headline && <p class="tl-hint">{profile.headline}</p>}
      {adding ? (
        <AddProspectForm prefill={profile} onAdded={onView} />
      ) : (
        <button type="button" class="tl-primary" onClick={() => setAdding(true)}>
          {t('add_prospect')}
        </button>
      )}
      {linkToDeal}
    </section>
  );
}

// Conversations this page linked by itself: once unlinked by the rep, they stay unlinked.
const autoLinked = new Set<string>();

/** A messaging thread: its deal (its messages counted as touches), or linking it to one. */
export function ConversationPanel({ reading }: { reading: ConversationReading }) {
  const conversationId =
    reading.kind === 'conversation' ? reading.conversation.conversationId : reading.conversationId;
  const key = linkKey({ kind: 'linkedin-conversation', account: null, externalId: conversationId });
  const conversation = reading.kind === 'conversation' ? reading.conversation : null;
  const partner = conversation?.partner ?? null;
  const link: LinkInput = {
    kind: 'linkedin-conversation',
    externalId: conversationId,
    url: `https://www.linkedin.com/messaging/thread/${encodeURIComponent(conversationId)}/`,
    label: partner?.name ?? '',
  };
  const { state, setView } = useDealForKey(key);
  // Suggest the deal of the other person, whether the page names them by slug or member id.
  const found = usePersonDeals(partner, state.status === 'unlinked');

  // The conversation's person learns the member id the conversation shows them by.
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

  // Linking by itself, when the rep's setting says so: to the one open deal of this person.
  useEffect(() => {
    const target =
      found?.autoLink &&
      state.status === 'unlinked' &&
      !autoLinked.has(conversationId) &&
      dealOfPerson(found);
    if (!target) return;
    autoLinked.add(conversationId);
    void request({ type: 'link.add', dealId: target, link }).then(linked, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- decided once per lookup; the conversation id is remembered in autoLinked
  }, [found, state.status]);

  const linkedDealId = state.status === 'linked' ? state.view.deal.id : null;
  const signature = conversation?.messages.map((m) => `${m.id}@${m.at}`).join(',') ?? '';
  useEffect(() => {
    if (!linkedDealId || !conversation) return;
    const inputs = touchesOfMessages(conversation.messages, linkedDealId);
    if (inputs.length > 0)
      void request({ type: 'touches.sync', inputs }).then((r) => r.view && setView(r.view));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the conversation is a new object on every page read; its signature says when it changed
  }, [linkedDealId, signature]);

  if (state.status === 'loading') return <p class="tl-hint">…</p>;
  if (state.status === 'error') return <p class="tl-error">{state.message}</p>;
  if (state.status === 'linked')
    return <DealCard view={state.view} linkKey={key} onView={setView} />;
  const linkToDeal = <LinkToDeal link={link} suggestions={found?.deals ?? []} onLinked={linked} />;
  if (!conversation) return <CannotRead what={t('this_conversation')}>{linkToDeal}</CannotRead>;
  return (
    <section class="tl-unlinked" aria-label={t('not_linked')}>
      <h2 class="tl-title">{t('conversation_with', conversation.partner.name)}</h2>
      <p class="tl-hint">{t('conversation_hint')}</p>
      {linkToDeal}
    </section>
  );
}
