import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '../../components/panel/mount-panel';
import { request } from '../../messaging/client';
import { linkKey } from '../../storage/link-key';
import { readLinkedInConversation, readOverlayConversations, type ConversationReading, type OverlayConversation } from '../../sites/linkedin/read-conversation';
import { readLinkedInProfile, type ProfileReading } from '../../sites/linkedin/read-profile';
import { parseLinkedInRoute } from '../../sites/linkedin/route';
import { LINKEDIN } from '../../sites/linkedin/selectors';
import { closestOf } from '../../sites/shared/query';
import { watchLinkedInSends } from '../../sites/linkedin/watch-sends';
import { settleTracker } from '../../sites/shared/settle';
import { warnOnce } from '../../sites/shared/warn-once';
import { watchPage } from '../../sites/shared/watch-page';
import { ConversationPanel, ProfilePanel } from './LinkedInPanel';
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

type Shown = { kind: 'profile'; reading: ProfileReading } | { kind: 'conversation'; reading: ConversationReading } | null;

async function startLinkedIn(ctx: ContentScriptContext) {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const signal = controller.signal;
  const panel = await mountPanel(ctx);
  let shownSignature = '';
  // LinkedIn changes the address (pushState) before the new page's markup arrives.
  const settle = settleTracker(3_000, () => readPage());

  const readPage = () => {
    let next: Shown = null;
    const profile = readLinkedInProfile(document, location);
    const conversation = readLinkedInConversation(document, location, Date.now());
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
    if (signature === shownSignature) return;
    shownSignature = signature;
    panel.show(
      next?.kind === 'profile' ? (
        <ProfilePanel key={signature} reading={next.reading} />
      ) : next?.kind === 'conversation' ? (
        <ConversationPanel key={next.reading.kind === 'conversation' ? next.reading.conversation.conversationId : next.reading.conversationId} reading={next.reading} />
      ) : null,
    );
  };

  // Chat bubbles over any page: their messages count toward the deal of the person they are with.
  let overlaySignature = '';
  const syncOverlays = () => {
    const overlays = readOverlayConversations(document, Date.now());
    const signature = overlays.map((o) => `${o.partner.profileUrl}|${o.messages.map((m) => m.id).join(',')}`).join(';');
    if (signature === overlaySignature) return;
    overlaySignature = signature;
    for (const overlay of overlays) void syncOverlay(overlay);
  };

  watchPage(signal, () => {
    readPage();
    syncOverlays();
  });
  // LinkedIn navigates with pushState, which fires no event: WXT polls the address for us.
  ctx.addEventListener(window, 'wxt:locationchange', readPage);

  // A message sent in a linked conversation counts at once; it is matched to its urn when
  // LinkedIn shows it.
  watchLinkedInSends(signal, async (from) => {
    const bubble = closestOf(from, LINKEDIN.overlayBubble);
    const route = parseLinkedInRoute(location);
    const key = bubble
      ? overlayDealKey(readOverlayConversations(document, Date.now()).find((o) => o.bubble === bubble))
      : route.kind === 'conversation'
        ? linkKey({ kind: 'linkedin-conversation', account: null, externalId: route.conversationId })
        : null;
    const view = key && (await request({ type: 'deal.forKey', key }));
    if (!view) return;
    await request({
      type: 'touch.record',
      input: { dealId: view.deal.id, channel: 'linkedin', direction: 'outbound', at: Date.now(), sourceKey: `linkedin:pending:${crypto.randomUUID()}`, pending: true },
    });
  });
}

/** The deal a chat bubble's messages belong to: the one its person's profile is linked to. */
function overlayDealKey(overlay: OverlayConversation | undefined): string | null {
  const route = overlay?.partner.profileUrl ? parseLinkedInRoute(new URL(overlay.partner.profileUrl)) : null;
  return route?.kind === 'profile' ? linkKey({ kind: 'linkedin-profile', account: null, externalId: route.slug }) : null;
}

async function syncOverlay(overlay: OverlayConversation): Promise<void> {
  const key = overlayDealKey(overlay);
  const view = key && (await request({ type: 'deal.forKey', key }));
  if (!view) return;
  const inputs = touchesOfMessages(overlay.messages, view.deal.id);
  if (inputs.length > 0) await request({ type: 'touches.sync', inputs });
}

/** What the panel shows, as a string: the same person or conversation shows the same. */
function signatureOf(shown: Shown): string {
  if (!shown) return '';
  if (shown.kind === 'profile') {
    const r = shown.reading;
    return r.kind === 'profile' ? `profile|${r.profile.slug}|${r.profile.name}|${r.profile.company}|${r.profile.headline}` : `profile-unreadable|${r.slug}`;
  }
  const r = shown.reading;
  return r.kind === 'conversation'
    ? `conversation|${r.conversation.conversationId}|${r.conversation.messages.map((m) => `${m.id}@${m.at}`).join(',')}`
    : `conversation-unreadable|${r.conversationId}`;
}
