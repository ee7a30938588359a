import { useEffect, useState } from 'preact/hooks';
// Code that runs in Gmail's and LinkedIn's pages uses the browser's own promise-based API
// (Chrome MV3 and Firefox both have one): the polyfill would cost the content scripts 3 KB gzip.
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isTabMessage } from '../../messaging/tab-messages';

const KEY = 'panelCollapsed';

/** Whether the rep folded the panel to its tab; remembered across pages and sites. */
export function usePanelCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    void browser.storage.local.get(KEY).then((stored) => setCollapsed(stored[KEY] === true));
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'local' && KEY in changes) setCollapsed(changes[KEY]!.newValue === true);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [
    collapsed,
    (next) => {
      setCollapsed(next);
      void browser.storage.local.set({ [KEY]: next });
    },
  ];
}

/** Folds or unfolds the panel when the keyboard command asks: every open panel follows. */
export function answerPanelCommands(ctx: ContentScriptContext): void {
  const onMessage = (message: unknown) => {
    if (isTabMessage(message) && message.type === 'panel.toggle')
      void browser.storage.local
        .get(KEY)
        .then((stored) => browser.storage.local.set({ [KEY]: stored[KEY] !== true }));
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
