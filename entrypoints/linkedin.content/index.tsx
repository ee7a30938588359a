import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '../../components/panel/mount-panel';
import { readHostTheme } from '../../sites/shared/host-theme';
import { request } from '../../messaging/client';
import { linkKey } from '../../domain/link-key';
import {
  paneMark,
  readLinkedInConversation,
  readOverlayConversations,
  type ConversationReading,
  type OverlayConversation,
  type PaneMark,
} from '../../sites/linkedin/read-conversation';
import { readLinkedInProfile, type ProfileReading } from '../../sites/linkedin/read-profile';
import { parseLinkedInRoute } from '../../sites/linkedin/route';
import { LINKEDIN } from '../../sites/linkedin/selectors';
import { closestOf } from '../../sites/shared/query';
import { watchLinkedInSends } from '../../sites/linkedin/watch-sends';
import { settleTracker } from '../../sites/shared/settle';
import { warnOnce } from '../../sites/shared/warn-once';
import { watchPage } from '../../sites/shared/watch-page';
import { ConversationPanel, ProfilePanel, UnreadableAddress } from './LinkedInPanel';
import { BubbleRows } from './BubbleRows';
import { bubbleLink } from './bubble-link';
import { touchesOfMessages } from './message-touches';
import '../../components/panel/panel.css';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Nothing here may throw into LinkedIn's page: every step is guarded.
    try {
      await startLinkedIn(ctx);
    } catch (error) {
      console.warn('Threadline: the LinkedIn panel could not start', error);
    }
  },
});

type Shown =
  | { kind: 'profile'; reading: ProfileReading }
  | { kind: 'conversation'; reading: ConversationReading }
  | { kind: 'address' }
  | null;

async function startLinkedIn(ctx: ContentScriptContext) {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const signal = controller.signal;
  const panel = await mountPanel(ctx, { readHostTheme });
  // What the page shows (a profile or a conversation) and the chat bubbles open over it.
  let shown: Shown = null;
  let shownSignature = '';
  let bubbles: OverlayConversation[] = [];
  let bubblesSignature = '';
  let drawnSignature: string | null = null;
  // The conversation pane last read: after a switch the next one is read once the pane shows it.
  let pane: PaneMark | null = null;
  // LinkedIn changes the address (pushState) before the new page's markup arrives.
  const settle = settleTracker(3_000, () => readPage());

  const readConversation = () => {
    const reading = readLinkedInConversation(document, location, Date.now(), pane);
    if (reading?.kind === 'conversation') pane = paneMark(reading.conversation);
    return reading;
  };

  const readPage = () => {
    if (parseLinkedInRoute(location).kind === 'unreadable') {
      warnOnce('LinkedIn', 'address does not decode');
      return show({ kind: 'address' }, `address|${location.pathname}`);
    }
    let next: Shown = null;
    const profile = readLinkedInProfile(document, location);
    const conversation = readConversation();
    const reading = profile ?? conversation;
    if (reading?.kind === 'unreadable') {
      if (settle.settled(location.pathname)) warnOnce('LinkedIn', `no ${reading.missing} found`);
      else return show(null, `waiting|${location.pathname}`);
    }
    if (profile) next = { kind: 'profile', reading: profile };
    else if (conversation) next = { kind: 'conversation', reading: conversation };
    show(next, signatureOf(next));
  };

  const show = (next: Shown, signature: string) => {
    shown = next;
    shownSignature = signature;
    draw();
  };

  const draw = () => {
    const signature = `${shownSignature}#${bubblesSignature}`;
    if (signature === drawnSignature) return;
    drawnSignature = signature;
    panel.show(panelContent(shown, shownSignature, bubbles));
  };

  // Chat bubbles over any page: each has a row in the panel, and its messages count toward
  // the deal its conversation (or, where LinkedIn names none, its person) is linked to.
  const syncOverlays = () => {
    const overlays = readOverlayConversations(document, Date.now()).filter(bubbleLink);
    const signature = overlays
      .map((o) => `${bubbleLink(o)!.key}|${o.messages.map((m) => `${m.id}@${m.at}`).join(',')}`)
      .join(';');
    if (signature === bubblesSignature) return;
    bubbles = overlays;
    bubblesSignature = signature;
    draw();
    for (const overlay of overlays) void syncOverlay(overlay).catch(() => undefined);
  };

  watchPage(signal, () => {
    readPage();
    syncOverlays();
  });
  // LinkedIn navigates with pushState, which fires no event: WXT polls the address for us.
  ctx.addEventListener(window, 'wxt:locationchange', readPage);

  countSends(signal, readConversation);
}

/**
 * A message the rep sends counts the moment it appears in a linked conversation or chat
 * bubble, known by its urn (so it is never counted twice).
 */
function countSends(signal: AbortSignal, readConversation: () => ConversationReading | null) {
  watchLinkedInSends(signal, async (container, eventId) => {
    let dealId: string | null = null;
    if (closestOf(container, LINKEDIN.overlayBubble)) {
      const overlay = readOverlayConversations(document, Date.now()).find(
        (o) => o.bubble === container,
      );
      dealId = overlay ? await bubbleDeal(overlay) : null;
    } else {
      // Only in the conversation the pane shows, and only its own messages.
      const reading = readConversation();
      if (
        reading?.kind !== 'conversation' ||
        !reading.conversation.messages.some((m) => m.id === eventId)
      )
        return;
      const view = await request({
        type: 'deal.forKey',
        key: linkKey({
          kind: 'linkedin-conversation',
          account: null,
          externalId: reading.conversation.conversationId,
        }),
      });
      dealId = view?.deal.id ?? null;
    }
    if (dealId) {
      await request({
        type: 'touch.record',
        input: {
          dealId,
          channel: 'linkedin',
          direction: 'outbound',
          at: Date.now(),
          sourceKey: `linkedin:${eventId}`,
        },
      });
    }
  });
}

/** The deal a chat bubble counts toward: the one its conversation or person is linked to. */
async function bubbleDeal(overlay: OverlayConversation): Promise<string | null> {
  const linked = bubbleLink(overlay);
  if (!linked) return null;
  return (await request({ type: 'deal.forKey', key: linked.key }))?.deal.id ?? null;
}

async function syncOverlay(overlay: OverlayConversation): Promise<void> {
  const dealId = await bubbleDeal(overlay);
  const inputs = dealId ? touchesOfMessages(overlay.messages, dealId) : [];
  if (inputs.length > 0) await request({ type: 'touches.sync', inputs });
}

/** What the page shows, with a compact row below it for each chat bubble open over it. */
function panelContent(shown: Shown, signature: string, bubbles: OverlayConversation[]) {
  const page = pageContent(shown, signature);
  return page || bubbles.length ? (
    <>
      {page}
      <BubbleRows bubbles={bubbles} />
    </>
  ) : null;
}

/** The panel for what the page shows, keyed so that another person or conversation starts afresh. */
function pageContent(next: Shown, signature: string) {
  return next?.kind === 'address' ? (
    <UnreadableAddress />
  ) : next?.kind === 'profile' ? (
    <ProfilePanel key={signature} reading={next.reading} />
  ) : next?.kind === 'conversation' ? (
    <ConversationPanel
      key={
        next.reading.kind === 'conversation'
          ? next.reading.conversation.conversationId
          : next.reading.conversationId
      }
      reading={next.reading}
    />
  ) : null;
}

/** What the panel shows, as a string: the same person or conversation shows the same. */
function signatureOf(shown: Shown): string {
  if (!shown || shown.kind === 'address') return '';
  if (shown.kind === 'profile') {
    const r = shown.reading;
    const ids = `${r.kind === 'profile' ? r.profile.slug : r.slug}|${r.kind === 'profile' ? r.profile.memberId : r.memberId}`;
    return r.kind === 'profile'
      ? `profile|${ids}|${r.profile.name}|${r.profile.company}|${r.profile.headline}`
      : `profile-unreadable|${ids}`;
  }
  const r = shown.reading;
  return r.kind === 'conversation'
    ? `conversation|${r.conversation.conversationId}|${r.conversation.messages.map((m) => `${m.id}@${m.at}`).join(',')}`
    : `conversation-unreadable|${r.conversationId}`;
}
