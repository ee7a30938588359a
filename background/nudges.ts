import browser from 'webextension-polyfill';
import type { StoreContext } from '../storage/db';
import { dueDeals } from '../storage/queries';
import { readSettings } from '../storage/settings';
import { t } from '../components/i18n';
import { applyLanguageSetting } from '../components/load-catalog';
import { linksOfDeal } from '../storage/links';
import { pageForLink, preferredLink } from './page-for-link';

const NUDGED_KEY = 'nudgedOn';
const NOTIFICATION_PREFIX = 'threadline-deal:';
const DAY = 86_400_000;

/** The local calendar day, "2026-11-23": at most one nudge per deal per day. */
function dayOf(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Raises a desktop notification for each due or overdue deal not yet nudged today, naming
 * the deal, the contact, the days since the last touch and the follow-up number. Nothing
 * when notifications are off; never for snoozed or closed deals (they are not due). Which
 * deals were nudged on which day is kept in extension storage, so a restarted worker does
 * not nudge again.
 */
export async function sendNudges(ctx: StoreContext): Promise<number> {
  const settings = await readSettings(ctx);
  if (!settings.notifications) return 0;
  // Nudges speak the language the rep chose in Settings, not only the browser's.
  await applyLanguageSetting(settings.language).catch((error) => console.warn('Threadline: could not load the chosen language', error));
  const now = ctx.now();
  const today = dayOf(now);
  const stored = ((await browser.storage.local.get(NUDGED_KEY))[NUDGED_KEY] ?? {}) as Record<string, string>;
  const nudged: Record<string, string> = Object.fromEntries(Object.entries(stored).filter(([, day]) => day === today));
  let sent = 0;
  for (const { deal, state } of await dueDeals(ctx, 20)) {
    if (nudged[deal.id]) continue;
    const contact = deal.contactIds[0] ? await ctx.db.contacts.get(deal.contactIds[0]) : undefined;
    const days = Math.floor((now - (deal.lastTouchAt ?? deal.lastMovementAt)) / DAY);
    const parts = [
      contact?.name,
      t('nudge_days', String(days)),
      deal.followUpCount > 0 ? t('follow_up_n', String(deal.followUpCount)) : undefined,
    ].filter(Boolean);
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${deal.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `${t(state === 'overdue' ? 'nudge_overdue' : 'nudge_due')}: ${deal.title}`,
      message: parts.join(' · '),
      priority: state === 'overdue' ? 1 : 0,
    });
    nudged[deal.id] = today;
    sent++;
  }
  await browser.storage.local.set({ [NUDGED_KEY]: nudged });
  return sent;
}

/** Opens a deal's thread (in the right account) or LinkedIn page; the dashboard if it has none. */
export async function openDeal(ctx: StoreContext, dealId: string): Promise<void> {
  const link = preferredLink(await linksOfDeal(ctx, dealId));
  const url = link ? pageForLink(link) : browser.runtime.getURL(`/dashboard.html#deal/${encodeURIComponent(dealId)}` as '/dashboard.html');
  await browser.tabs.create({ url });
}

/** Clicking a nudge opens its deal. */
export async function openNudge(ctx: StoreContext, notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  await openDeal(ctx, notificationId.slice(NOTIFICATION_PREFIX.length));
  await browser.notifications.clear(notificationId);
}
