import browser from 'webextension-polyfill';
import { NOTIFICATION_PREFIX, SUMMARY_ID } from './nudges';

/**
 * Takes back the desktop notifications of deals that no longer need a follow-up (snoozed,
 * touched, closed or deleted since), so the notification centre never asks for what is done.
 */
export async function withdrawSettledNudges(stillDue: ReadonlySet<string>): Promise<void> {
  const shown = Object.keys(await browser.notifications.getAll());
  await Promise.all(
    shown
      .filter((id) =>
        id === SUMMARY_ID
          ? stillDue.size === 0
          : id.startsWith(NOTIFICATION_PREFIX) &&
            !stillDue.has(id.slice(NOTIFICATION_PREFIX.length)),
      )
      .map((id) => browser.notifications.clear(id)),
  );
}
