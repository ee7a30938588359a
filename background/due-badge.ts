import browser from 'webextension-polyfill';
import type { StoreContext } from '../storage/db';
import { scanDue, type DueScan } from '../storage/queries';

export const DUE_ALARM = 'threadline-due';
/** Due dates are whole days: looking every 15 minutes is plenty and costs nothing. */
export const DUE_ALARM_PERIOD_MINUTES = 15;

/** Recomputes what is due and shows the count of due and overdue deals on the toolbar. */
export async function refreshDueBadge(ctx: StoreContext): Promise<DueScan> {
  const scan = await scanDue(ctx);
  const { due, overdue } = scan;
  const count = due.length + overdue.length;
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setBadgeBackgroundColor({ color: overdue.length > 0 ? '#c5221f' : '#e37400' });
  return scan;
}

export async function scheduleDueAlarm(): Promise<void> {
  const existing = await browser.alarms.get(DUE_ALARM);
  if (!existing) {
    await browser.alarms.create(DUE_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: DUE_ALARM_PERIOD_MINUTES,
    });
  }
}
