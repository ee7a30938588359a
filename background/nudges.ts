import browser from 'webextension-polyfill';
import type { StoreContext } from '../storage/db';
import { plural, t } from '../i18n/i18n';
import { scanDue } from '../storage/queries';
import { readSettings } from '../storage/settings';
import { applyLanguageSetting } from '../i18n/load-catalog';
import { linksOfDeal } from '../storage/links';
import { pageForLink } from '../storage/link-address';
import { preferredLink } from './page-for-link';

const NUDGED_KEY = 'nudgedOn';
export const NOTIFICATION_PREFIX = 'threadline-deal:';
/** The one notification that stands for the rest when many deals fall due at once. */
export const SUMMARY_ID = 'threadline-more-due';
/** Deals nudged one by one in a check; past that, a wall of notifications helps nobody. */
const SINGLE_NUDGES = 3;
const DAY = 86_400_000;

/** The local calendar day, "2026-11-23": at most one nudge per deal per day. */
function dayOf(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Raises a desktop notification for each due or overdue deal not yet nudged today, most
 * overdue first, naming the deal, the contact, the days since the last touch and the
 * follow-up number. When more than a few fall due at once, the rest share one notification
 * that opens the follow-up queue. Nothing when notifications are off; never for snoozed or
 * closed deals (they are not due). Which deals were nudged on which day is kept in extension
 * storage, so a restarted worker does not nudge again.
 */
export async function sendNudges(ctx: StoreContext): Promise<number> {
  const settings = await readSettings(ctx);
  if (!settings.notifications) return 0;
  // Nudges speak the language the rep chose in Settings, not only the browser's.
  await applyLanguageSetting(settings.language).catch((error) =>
    console.warn('Threadline: could not load the chosen language', error),
  );
  const now = ctx.now();
  const today = dayOf(now);
  const stored = ((await browser.storage.local.get(NUDGED_KEY))[NUDGED_KEY] ?? {}) as Record<
    string,
    string
  >;
  const nudged: Record<string, string> = Object.fromEntries(
    Object.entries(stored).filter(([, day]) => day === today),
  );
  const { overdue, due } = await scanDue(ctx);
  const fresh = [
    ...overdue.map((id) => ({ id, overdue: true })),
    ...due.map((id) => ({ id, overdue: false })),
  ].filter((d) => !nudged[d.id]);
  if (fresh.length === 0) return 0;

  const singles = fresh.length > SINGLE_NUDGES + 1 ? fresh.slice(0, SINGLE_NUDGES) : fresh;
  const rest = fresh.slice(singles.length);
  const deals = await ctx.db.deals.bulkGet(fresh.slice(0, singles.length + 3).map((d) => d.id));
  for (const [i, { id, overdue: isOverdue }] of singles.entries()) {
    const deal = deals[i];
    if (!deal) continue;
    const contact = deal.contactIds[0] ? await ctx.db.contacts.get(deal.contactIds[0]) : undefined;
    const days = Math.floor((now - (deal.lastTouchAt ?? deal.lastMovementAt)) / DAY);
    // A deal due for an answer the rep promised says so: that is the follow-up it needs.
    const owed = deal.answerDueAt !== null && deal.answerDueAt <= now;
    const parts = [
      contact?.name,
      owed ? t('nudge_answer_promised') : undefined,
      t('nudge_days', String(days)),
      deal.followUpCount > 0 ? t('follow_up_n', String(deal.followUpCount)) : undefined,
    ];
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `${t(isOverdue ? 'nudge_overdue' : 'nudge_due')}: ${deal.title}`,
      message: parts.filter(Boolean).join(' · '),
      priority: isOverdue ? 1 : 0,
    });
  }
  if (rest.length > 0) {
    const named = deals.slice(singles.length).flatMap((deal) => (deal ? [deal.title] : []));
    await browser.notifications.create(SUMMARY_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: plural('nudge_more', rest.length),
      message: named.join(' · ') + (rest.length > named.length ? ' …' : ''),
      priority: 0,
    });
  }
  for (const { id } of fresh) nudged[id] = today;
  await browser.storage.local.set({ [NUDGED_KEY]: nudged });
  return fresh.length;
}

/** Opens a deal's thread (in the right account) or LinkedIn page; the dashboard if it has none. */
export async function openDeal(ctx: StoreContext, dealId: string): Promise<void> {
  // Only an address rebuilt from the link's ids, on Gmail's or LinkedIn's own host, is opened.
  const link = preferredLink(await linksOfDeal(ctx, dealId));
  const url =
    (link && pageForLink(link)) ??
    browser.runtime.getURL(
      `/dashboard.html#deal/${encodeURIComponent(dealId)}` as '/dashboard.html',
    );
  await browser.tabs.create({ url });
}

/** Clicking a nudge opens its deal; the one for many deals opens the follow-up queue. */
export async function openNudge(ctx: StoreContext, notificationId: string): Promise<void> {
  if (notificationId === SUMMARY_ID) {
    await browser.tabs.create({
      url: browser.runtime.getURL('/dashboard.html#queue' as '/dashboard.html'),
    });
  } else if (notificationId.startsWith(NOTIFICATION_PREFIX)) {
    await openDeal(ctx, notificationId.slice(NOTIFICATION_PREFIX.length));
  } else {
    return;
  }
  await browser.notifications.clear(notificationId);
}
