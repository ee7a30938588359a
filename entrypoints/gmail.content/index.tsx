import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '../../components/panel/mount-panel';
import { readHostTheme } from '../../sites/shared/host-theme';
import { subscribeToChanges } from '../../messaging/changes';
import { readGmailAccount } from '../../sites/gmail/read-account';
import { readGmailThread, type ThreadReading } from '../../sites/gmail/read-thread';
import { parseGmailRoute } from '../../sites/gmail/route';
import { warnOnce } from '../../sites/shared/warn-once';
import { settleTracker } from '../../sites/shared/settle';
import { watchPage } from '../../sites/shared/watch-page';
import { dockInGmail } from './dock-panel';
import { GmailPanel } from './GmailPanel';
import { listSignature, updateInboxChips } from './inbox-chips';
import { recordReplies } from './record-replies';
import '../../components/panel/panel.css';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Nothing here may throw into Gmail's page: every step is guarded.
    try {
      await startGmail(ctx);
    } catch (error) {
      console.warn('Threadline: the Gmail panel could not start', error);
    }
  },
});

type Shown = {
  reading: Exclude<ThreadReading, { kind: 'no-thread' }>;
  href: string;
  accountIndex: number;
  threadToken: string;
} | null;

async function startGmail(ctx: ContentScriptContext) {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const signal = controller.signal;
  const panel = await mountPanel(ctx, { place: dockInGmail, readHostTheme });
  let shown: Shown = null;
  let shownSignature = '';
  // Gmail changes the hash first and fills in the view later: a thread that cannot be read
  // yet is only called unreadable once it has had time to appear.
  const settle = settleTracker(3_000, () => readPage());

  const readPage = () => {
    const route = parseGmailRoute(location);
    let reading = readGmailThread(document, location);
    if (reading.kind === 'unreadable') {
      if (settle.settled(route?.threadToken ?? null))
        warnOnce('Gmail', `no ${reading.missing} found`);
      else reading = { kind: 'no-thread' };
    }
    const next: Shown =
      route && route.threadToken && reading.kind !== 'no-thread'
        ? {
            reading,
            href: location.href,
            accountIndex: route.accountIndex,
            threadToken: route.threadToken,
          }
        : null;
    const signature = next
      ? next.reading.kind === 'thread'
        ? `${next.reading.thread.threadId}|${next.reading.thread.messages.map((m) => `${m.from.email}@${m.at}:${m.id}`).join(',')}|${next.reading.thread.hiddenCount}|${next.reading.thread.participants.length}`
        : `unreadable|${next.threadToken}`
      : '';
    if (signature !== shownSignature) {
      shownSignature = signature;
      shown = next;
      panel.show(
        shown && (
          <GmailPanel
            key={
              shown.reading.kind === 'thread' ? shown.reading.thread.threadId : shown.threadToken
            }
            reading={shown.reading}
            location={{
              href: shown.href,
              accountIndex: shown.accountIndex,
              threadToken: shown.threadToken,
            }}
          />
        ),
      );
    }
  };

  let chipsSignature = '';
  const refreshChips = (force = false) => {
    const account = readGmailAccount(document);
    const signature = listSignature(document);
    if (!account || (!force && signature === chipsSignature)) return;
    chipsSignature = signature;
    void updateInboxChips(document, account);
  };

  watchPage(signal, () => {
    readPage();
    refreshChips();
  });
  const unsubscribe = subscribeToChanges(() => refreshChips(true));
  signal.addEventListener('abort', unsubscribe);

  recordReplies(signal, () =>
    shown?.reading.kind === 'thread' ? shown.reading.thread : undefined,
  );
}
