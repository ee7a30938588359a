import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AddProspectForm } from '../../components/panel/AddProspectForm';
import { CannotRead } from '../../components/panel/CannotRead';
import { DealCard } from '../../components/panel/DealCard';
import { ErrorLine } from '../../components/panel/ErrorLine';
import { readLinkedInProspectWords } from '../../sites/linkedin/read-words';
import { LinkToDeal } from '../../components/panel/LinkToDeal';
import { useDealForKey } from '../../components/panel/use-deal-for-key';
import { t } from '../../i18n/i18n';
import { request } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import type { LinkInput } from '../../storage/inputs';
import { linkKey } from '../../domain/link-key';
import { conversationUrlOf } from '../../sites/linkedin/route';
import type { ConversationReading } from '../../sites/linkedin/read-conversation';
import type { ProfileReading } from '../../sites/linkedin/read-profile';
import { usePersonConversation, usePersonDeals } from './person-hooks';

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
  if (state.status === 'error') return <ErrorLine message={state.message} />;
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
    url: conversationUrlOf(conversationId),
    label: partner?.name ?? '',
  };
  // Suggest the deal of the other person, whether the page names them by slug or member id.
  const { state, setView, found, linked } = usePersonConversation(
    partner,
    key,
    link,
    conversation?.messages ?? null,
  );

  if (state.status === 'loading') return <p class="tl-hint">…</p>;
  if (state.status === 'error') return <ErrorLine message={state.message} />;
  if (state.status === 'linked')
    return (
      <DealCard
        view={state.view}
        linkKey={key}
        onView={setView}
        readWords={() => readLinkedInProspectWords(document)}
      />
    );
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
