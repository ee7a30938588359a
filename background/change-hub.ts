import Dexie from 'dexie';
import browser from 'webextension-polyfill';
import { CHANGES_PORT, type ChangeNotice } from '../messaging/changes';
import { isAllowedSender, originOf } from '../messaging/sender';

/**
 * Tells every open panel and page when the database changed. Dexie reports commits from
 * this worker and, through BroadcastChannel, from the extension's pages too, so a change made
 * anywhere reaches every panel. Bursts (a thread's messages recorded one by one) are folded
 * into one notice.
 */
export function startChangeHub(onChange: () => void): void {
  const ports = new Set<browser.Runtime.Port>();
  const ownOrigin = originOf(browser.runtime.getURL('/'))!;

  browser.runtime.onConnect.addListener((port) => {
    // Other ports (a file for "Your data", background/file-import.ts) have their own listener.
    if (port.name !== CHANGES_PORT) return;
    if (!isAllowedSender(port.sender ?? {}, browser.runtime.id, ownOrigin)) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });

  let pending: ReturnType<typeof setTimeout> | null = null;
  Dexie.on('storagemutated', () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      const notice: ChangeNotice = { type: 'changed' };
      for (const port of ports) {
        try {
          port.postMessage(notice);
        } catch {
          ports.delete(port);
        }
      }
      onChange();
    }, 50);
  });
}
