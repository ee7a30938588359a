// Code that runs in Gmail's and LinkedIn's pages uses the browser's own promise-based API
// (Chrome MV3 and Firefox both have one): the polyfill would cost the content scripts 3 KB gzip.
import { browser, type Browser } from 'wxt/browser';

/** The port panels hold open to hear that data changed. */
export const CHANGES_PORT = 'threadline-changes';

export interface ChangeNotice {
  type: 'changed';
}

const listeners = new Set<() => void>();
let port: Browser.runtime.Port | null = null;
let dead = false;

function connect(): void {
  if (port || dead) return;
  try {
    port = browser.runtime.connect({ name: CHANGES_PORT });
  } catch {
    // The extension was reloaded or removed under this page: nothing more will come.
    dead = true;
    return;
  }
  port.onMessage.addListener((message) => {
    if ((message as ChangeNotice | null)?.type === 'changed')
      for (const listener of [...listeners]) listener();
  });
  port.onDisconnect.addListener(() => {
    port = null;
    // The worker was stopped; by the time we reconnect something may have changed.
    setTimeout(() => {
      if (listeners.size === 0) return;
      connect();
      for (const listener of [...listeners]) listener();
    }, 250);
  });
}

/**
 * Calls `onChange` whenever the pipeline changes anywhere (another tab, the dashboard, the
 * background). One port per page serves every subscriber, and it reconnects when the
 * service worker is stopped and started again. Returns a function that stops listening.
 */
export function subscribeToChanges(onChange: () => void): () => void {
  listeners.add(onChange);
  connect();
  return () => {
    listeners.delete(onChange);
  };
}
