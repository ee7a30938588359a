import { useEffect, useState } from 'preact/hooks';
import { AddProspectForm } from '../../components/panel/AddProspectForm';
import { CannotRead } from '../../components/panel/CannotRead';
import { DealCard } from '../../components/panel/DealCard';
import { LinkToDeal } from '../../components/panel/LinkToDeal';
import { useDealForKey } from '../../components/panel/use-deal-for-key';
import { t } from '../../components/i18n';
import { request } from '../../messaging/client';
import type { LinkInput } from '../../storage/inputs';
import { linkKey } from '../../storage/link-key';
import type { Deal } from '../../storage/schemas';
import type { ConversationReading } from '../../sites/linkedin/read-conversation';
import type { ProfileReading } from '../../sites/linkedin/read-profile';
import { parseLinkedInRoute } from '../../sites/linkedin/route';
import { touchesOfMessages } from './message-touches';

/** A profile page: the person's deal, or adding them as a prospect. */
export function ProfilePanel({ reading }: { reading: ProfileReading }) {
  const slug = reading.kind === 'profile' ? reading.profile.slug : reading.slug;
  const profileUrl = reading.kind === 'profile' ? reading.profile.profileUrl : reading.profileUrl;
  const link: LinkInput = { kind: 'linkedin-profile', externalId: slug, url: profileUrl, label: reading.kind === 'profile' ? reading.profile.name : slug };
  const key = linkKey({ kind: 'linkedin-profile', account: null, externalId: slug });
  const { state, setView } = useDealForKey(key);
  const [adding, setAdding] = useState(false);

  if (state.status === 'loading') return <p class="tl-hint">…</p>;
  if (state.status === 'error') return <p class="tl-error">{state.message}</p>;
  if (state.status === 'linked') return <DealCard view={state.view} linkKey={key} onView={setView} />;
  if (reading.kind === 'unreadable') {
    return (
      <CannotRead what={t('this_profile')}>
        <LinkToDeal link={link} suggestions={[]} onLinked={setView} />
      </CannotRead>
    );
  }
  const { profile } = reading;
  return (
    <section class="tl-unlinked" aria-label={t('not_a_prospect')}>
      <h2 class="tl-title">{profile.name}</h2>
      {profile.headline && <p class="tl-hint">{profile.headline}</p>}
      {adding ? (
        <AddProspectForm prefill={profile} onAdded={setView} />
      ) : (
        <button type="button" class="tl-primary" onClick={() => setAdding(true)}>
          {t('add_prospect')}
        </button>
      )}
      <LinkToDeal link={link} suggestions={[]} onLinked={setView} />
    </section>
  );
}

/** A messaging thread: its deal (its messages counted as touches), or linking it to one. */
export function ConversationPanel({ reading }: { reading: ConversationReading }) {
  const conversationId = reading.kind === 'conversation' ? reading.conversation.conversationId : reading.conversationId;
  const key = linkKey({ kind: 'linkedin-conversation', account: null, externalId: conversationId });
  const conversation = reading.kind === 'conversation' ? reading.conversation : null;
  const link: LinkInput = {
    kind: 'linkedin-conversation',
    externalId: conversationId,
    url: `https://www.linkedin.com/messaging/thread/${encodeURIComponent(conversationId)}/`,
    label: conversation?.partner.name ?? '',
  };
  const { state, setView } = useDealForKey(key);
  const [suggestions, setSuggestions] = useState<Deal[]>([]);

  // Suggest the deal the other person's profile is linked to.
  const partnerUrl = conversation?.partner.profileUrl ?? null;
  useEffect(() => {
    const route = partnerUrl ? parseLinkedInRoute(new URL(partnerUrl)) : null;
    if (route?.kind !== 'profile') return;
    let current = true;
    void request({ type: 'deal.forKey', key: linkKey({ kind: 'linkedin-profile', account: null, externalId: route.slug }) }).then(
      (view) => current && setSuggestions(view ? [view.deal] : []),
    );
    return () => {
      current = false;
    };
  }, [partnerUrl]);

  const linkedDealId = state.status === 'linked' ? state.view.deal.id : null;
  const signature = conversation?.messages.map((m) => `${m.id}@${m.at}`).join(',') ?? '';
  useEffect(() => {
    if (!linkedDealId || !conversation) return;
    const inputs = touchesOfMessages(conversation.messages, linkedDealId);
    if (inputs.length > 0) void request({ type: 'touches.sync', inputs }).then((r) => r.view && setView(r.view));
  }, [linkedDealId, signature]);

  if (state.status === 'loading') return <p class="tl-hint">…</p>;
  if (state.status === 'error') return <p class="tl-error">{state.message}</p>;
  if (state.status === 'linked') return <DealCard view={state.view} linkKey={key} onView={setView} />;
  if (!conversation) {
    return (
      <CannotRead what={t('this_conversation')}>
        <LinkToDeal link={link} suggestions={[]} onLinked={setView} />
      </CannotRead>
    );
  }
  return (
    <section class="tl-unlinked" aria-label={t('not_linked')}>
      <h2 class="tl-title">{t('conversation_with', conversation.partner.name)}</h2>
      <p class="tl-hint">{t('conversation_hint')}</p>
      <LinkToDeal link={link} suggestions={suggestions} onLinked={setView} />
    </section>
  );
}
