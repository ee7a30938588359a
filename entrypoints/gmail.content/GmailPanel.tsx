import { useEffect, useMemo, useState } from 'preact/hooks';
import { dealDraftFromThread } from '../../domain/prefill';
import { CannotRead } from '../../components/panel/CannotRead';
import { CreateDealForm } from '../../components/panel/CreateDealForm';
import { DealCard } from '../../components/panel/DealCard';
import { FollowUpCoach } from '../../components/panel/FollowUpCoach';
import { LinkToDeal } from '../../components/panel/LinkToDeal';
import { ErrorLine } from '../../components/panel/ErrorLine';
import { useDealForKey } from '../../components/panel/use-deal-for-key';
import { useTouchSync } from '../../components/panel/use-touch-sync';
import { plural, t } from '../../i18n/i18n';
import { request } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import type { LinkInput } from '../../storage/inputs';
import { linkKey } from '../../domain/link-key';
import type { Deal } from '../../storage/schemas';
import type { GmailThread, ThreadReading } from '../../sites/gmail/read-thread';
import { readGmailProspectWords } from '../../sites/gmail/read-words';
import { openGmailReply } from './open-reply';
import { touchesOfThread } from './thread-touches';
import { useHiddenMessages } from './use-hidden-messages';

interface Props {
  reading: Exclude<ThreadReading, { kind: 'no-thread' }>;
  /** Where the thread is: used for its link, and as its key when the page cannot be read. */
  location: { href: string; accountIndex: number; threadToken: string };
}

/** The panel's content for an open Gmail thread: its deal, or how to get one. */
export function GmailPanel({ reading, location }: Props) {
  const thread = reading.kind === 'thread' ? reading.thread : null;
  const link: LinkInput = thread
    ? {
        kind: 'gmail-thread',
        account: thread.account,
        externalId: thread.threadId,
        url: location.href,
        label: thread.subject,
      }
    : // Unreadable page: the rep can still link by hand, keyed by the thread's route token.
      {
        kind: 'gmail-thread',
        account: `u${location.accountIndex}`,
        externalId: `token:${location.threadToken}`,
        url: location.href,
        label: '',
      };
  const key = linkKey({
    kind: link.kind,
    account: link.account ?? null,
    externalId: link.externalId,
  });
  const { state, setView } = useDealForKey(key);

  // Record the thread's messages as touches once it is linked (idempotent: a message is one
  // touch however often and in whatever state it is seen).
  const linkedDealId = state.status === 'linked' ? state.view.deal.id : null;
  const signature = thread
    ? `${thread.threadId}:${thread.messages.map((m) => `${m.from.email}@${m.at}:${m.id}`).join(',')}`
    : '';
  useTouchSync(thread ? linkedDealId : null, signature, (dealId) =>
    thread ? touchesOfThread(thread, dealId) : [],
  );
  const unread = useHiddenMessages(thread, linkedDealId, location.accountIndex, setView);

  if (state.status === 'loading') return <p class="tl-hint">…</p>;
  if (state.status === 'error') return <ErrorLine message={state.message} />;
  if (state.status === 'linked') {
    const { deal } = state.view;
    return (
      <>
        {deal.status === 'open' && unread === 0 && (
          <FollowUpCoach
            followUpCount={deal.followUpCount}
            onFollowUp={() => openGmailReply(document)}
          />
        )}
        <DealCard
          view={state.view}
          linkKey={key}
          onView={setView}
          readWords={() => readGmailProspectWords(document)}
          {...(unread > 0 ? { followUpsUnknown: plural('thread_messages_not_read', unread) } : {})}
        />
      </>
    );
  }
  return thread ? (
    <UnlinkedThread thread={thread} link={link} onLinked={setView} />
  ) : (
    <CannotRead what={t('this_thread')}>
      <LinkToDeal link={link} suggestions={[]} onLinked={setView} />
    </CannotRead>
  );
}

function UnlinkedThread({
  thread,
  link,
  onLinked,
}: {
  thread: GmailThread;
  link: LinkInput;
  onLinked(view: DealView): void;
}) {
  const [creating, setCreating] = useState(false);
  const [suggestions, setSuggestions] = useState<Deal[]>([]);
  const emails = thread.participants.map((p) => p.email);
  useEffect(() => {
    let current = true;
    void request({ type: 'deal.suggest', emails }).then(
      (found) => current && setSuggestions(found),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the same addresses are the same suggestions
  }, [emails.join(',')]);
  // A thread the rep started was linked under its "thread-a" id before Gmail gave it its
  // permanent one: the deal found by the old id is linked by the new one too.
  useEffect(() => {
    let current = true;
    void (async () => {
      for (const alias of thread.threadAliases) {
        const view = await request({
          type: 'deal.forKey',
          key: linkKey({ kind: 'gmail-thread', account: thread.account, externalId: alias }),
        });
        if (!view || !current) continue;
        onLinked(await request({ type: 'link.add', dealId: view.deal.id, link }));
        return;
      }
    })().catch(() => {});
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per thread: its aliases do not change while it is open
  }, [thread.threadId]);
  const draft = useMemo(
    () => dealDraftFromThread(thread.subject, thread.participants, thread.account),
    [thread],
  );

  return (
    <section class="tl-unlinked" aria-label={t('not_linked')}>
      <h2 class="tl-title">{thread.subject || t('no_subject')}</h2>
      {thread.participants.length > 0 && (
        <ul class="tl-people" aria-label={t('participants')}>
          {thread.participants.map((p) => (
            <li key={p.email}>
              <span class="tl-person-name">{p.name}</span> <small>{p.email}</small>
            </li>
          ))}
        </ul>
      )}
      <p class="tl-hint">{t('not_linked_hint')}</p>
      {creating ? (
        <CreateDealForm
          prefill={{
            title: draft.title,
            company: draft.company,
            contact: draft.contact && {
              name: draft.contact.name,
              email: draft.contact.email,
              company: draft.company,
            },
          }}
          link={link}
          onCreated={onLinked}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button type="button" class="tl-primary" onClick={() => setCreating(true)}>
          {t('create_deal')}
        </button>
      )}
      <LinkToDeal link={link} suggestions={suggestions} onLinked={onLinked} />
    </section>
  );
}
