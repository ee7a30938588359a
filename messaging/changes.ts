import browser from 'webextension-polyfill';

/** The port panels hold open to hear that data changed. */
export const CHANGES_PORT = 'threadline-changes';

export interface ChangeNotice {
  type: 'changed';
}

/**
 * Calls `onChange` whenever the pipeline changes anywhere (another tab, the dashboard, the
 * background). Reconnects when the service worker is stopped and started again. Returns a
 * function that stops listening.
 */
export function subscribeToChanges(onChange: () => void): () => void {
  let port: browser.Runtime.Port | null = null;
  let stopped = false;
  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: CHANGES_PORT });
    } catch {
      // The extension was reloaded or removed under this page: nothing more will come.
      stopped = true;
      return;
    }
    port.onMessage.addListener((message) => {
      if ((message as ChangeNotice | null)?.type === 'changed') onChange();
    });
    port.onDisconnect.addListener(() => {
      port = null;
      // The worker went away; by the time we reconnect something may have changed.
      setTimeout(() => {
        if (stopped) return;
        connect();
        onChange();
      }, 250);
    });
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
