import { cloneElement, render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import browser from 'webextension-polyfill';
import { subscribeToChanges } from '../../messaging/changes';
import type { DisplayPrefs } from '../../messaging/replies';
import { syncDisplayPrefs } from '../display-prefs-client';
import { readHostTheme } from './host-theme';
import { PanelFrame, type PanelTheme } from './PanelFrame';
import { usePanelCollapsed } from './use-panel-collapsed';

let togglePanel = () => {};

function Frame({ content, theme }: { content: VNode; theme: PanelTheme }) {
  const [collapsed, setCollapsed] = usePanelCollapsed();
  togglePanel = () => setCollapsed(!collapsed);
  return (
    <PanelFrame collapsed={collapsed} theme={theme} onToggle={() => setCollapsed(!collapsed)}>
      {content}
    </PanelFrame>
  );
}

/**
 * Mounts the panel in a shadow root at the end of the page (styles isolated both ways, key
 * presses kept from the host's shortcuts) and answers the keyboard command that folds it.
 * `show(content)` renders the panel's content, or removes the panel with null.
 *
 * The rep's language is in place before anything renders, and a change of language or theme
 * made in the dashboard redraws the open panel.
 */
export async function mountPanel(ctx: ContentScriptContext): Promise<{ show(content: VNode | null): void }> {
  let prefs: DisplayPrefs = { language: 'auto', theme: 'auto' };
  try {
    prefs = (await syncDisplayPrefs()).prefs;
  } catch (error) {
    // The background did not answer: the browser's language and the automatic theme will do.
    console.warn('Threadline: could not read the language and theme settings', error);
  }

  let container: HTMLElement | null = null;
  let current: VNode | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'threadline-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    onMount(element) {
      container = element;
      draw();
    },
    onRemove(element) {
      if (element) render(null, element);
    },
  });

  // Automatic: the host page's own theme where it can be read, else the system's. Reading it
  // forces a layout of the host page, so a draw uses the last reading and the page is read
  // again when the browser is idle; a changed theme draws again.
  let hostTheme: 'light' | 'dark' | null = null;
  let rereading = false;
  const theme = (): PanelTheme => (prefs.theme === 'auto' ? (hostTheme ?? 'auto') : prefs.theme);
  const rereadHostTheme = () => {
    if (rereading || prefs.theme !== 'auto') return;
    rereading = true;
    requestIdleCallback(
      () => {
        rereading = false;
        const next = readHostTheme(document, ui.shadowHost);
        if (next !== hostTheme) {
          hostTheme = next;
          draw();
        }
      },
      { timeout: 1_000 },
    );
  };
  // A copy of the content so that its components render again (in the new language) while
  // keeping their state; Preact skips a subtree whose element is the very same object.
  const draw = () => {
    if (container) render(current && <Frame content={cloneElement(current)} theme={theme()} />, container);
    rereadHostTheme();
  };

  hostTheme = readHostTheme(document, ui.shadowHost);
  ui.mount();
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'panel.toggle') togglePanel();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const stopListening = subscribeToChanges(() => {
    syncDisplayPrefs()
      .then((synced) => {
        prefs = synced.prefs;
        if (synced.changed) draw();
      })
      .catch(() => {});
  });
  ctx.onInvalidated(stopListening);
  // Gmail's "device default" theme flips with the system's, and so does ours.
  const systemScheme = window.matchMedia('(prefers-color-scheme: dark)');
  systemScheme.addEventListener('change', draw);
  ctx.onInvalidated(() => systemScheme.removeEventListener('change', draw));

  return {
    show(content) {
      current = content;
      draw();
    },
  };
}
