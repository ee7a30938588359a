import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { startChangeHub } from '../background/change-hub';
import { startFileImport } from '../background/file-import';
import { DUE_ALARM, refreshDueBadge, scheduleDueAlarm } from '../background/due-badge';
import { openDeal, openNudge, sendNudges } from '../background/nudges';
import { withdrawSettledNudges } from '../background/withdraw-nudges';
import { whenWritesSettle } from '../background/when-writes-settle';
import { loadCatalog } from '../i18n/load-catalog';
import { handleMessage } from '../background/router';
import { createTeamSync } from '../background/sync/team';
import { originOf } from '../messaging/sender';
import type { TabMessage } from '../messaging/tab-messages';
import { storeContext } from '../storage/db';
import { getSettings } from '../storage/settings';

export default defineBackground(() => {
  const ctx = storeContext();
  const team = createTeamSync(ctx);
  const ownOrigin = originOf(browser.runtime.getURL('/'))!;
  const routerOptions = {
    ctx,
    ownId: browser.runtime.id,
    ownOrigin,
    version: browser.runtime.getManifest().version,
    openDashboard: async (dealId?: string) => {
      const hash = dealId ? `#deal/${encodeURIComponent(dealId)}` : '';
      await browser.tabs.create({
        url: browser.runtime.getURL(`/dashboard.html${hash}` as '/dashboard.html'),
      });
    },
    openDeal: (dealId: string) => openDeal(ctx, dealId),
    loadCatalog,
    team,
  };

  // Listeners are registered synchronously so that a message or alarm that wakes the
  // worker is delivered to them.
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    handleMessage(message, sender, routerOptions),
  );

  // The keyboard command folds or unfolds the panel in the tab the rep is looking at.
  browser.commands.onCommand.addListener(async (command: string) => {
    if (command !== 'toggle-panel') return;
    const toggle: TabMessage = { type: 'panel.toggle' };
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, toggle).catch(() => {});
  });

  const refresh = () => {
    refreshDueBadge(ctx)
      .then(({ due, overdue }) => withdrawSettledNudges(new Set([...overdue, ...due])))
      .catch((error) => console.warn('Threadline: could not refresh the badge', error));
  };
  // After writes, the badge waits for them to pause: its scan would hold the next write up.
  const refreshWhenSettled = whenWritesSettle(refresh, { quietMs: 150, maxWaitMs: 1_000 });
  browser.alarms.onAlarm.addListener((alarm) => {
    team.alarm(alarm.name);
    if (alarm.name !== DUE_ALARM) return;
    refresh();
    sendNudges(ctx).catch((error) => console.warn('Threadline: could not send nudges', error));
  });
  browser.notifications.onClicked.addListener((id: string) => {
    openNudge(ctx, id).catch((error) =>
      console.warn('Threadline: could not open the nudge', error),
    );
  });
  startFileImport(ctx, ownOrigin);
  startChangeHub(() => {
    refreshWhenSettled();
    team.changed();
  });

  // Default stage names are written in the browser's language the first time. The badge
  // follows a moment later, so the request that woke the worker is answered first.
  void getSettings(ctx, (key) => browser.i18n.getMessage(key))
    .then(scheduleDueAlarm)
    .then(refreshWhenSettled)
    .catch((error) => console.warn('Threadline: start-up failed', error));
});
