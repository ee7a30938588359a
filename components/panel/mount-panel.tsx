import { cloneElement, render, type VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { subscribeToChanges } from '../../messaging/changes';
import type { DisplayPrefs } from '../../messaging/replies';
import { syncDisplayPrefs } from '../display-prefs-client';
import { PanelFrame, type PanelTheme } from './PanelFrame';
import { acceptOnlyTheRep } from './accept-only-the-rep';
import { answerPanelCommands, usePanelCollapsed } from './use-panel-collapsed';

/** What the page shows of the panel: nothing, the whole panel, or its tab. */
export type PanelPlacementState = 'hidden' | 'open' | 'folded';

/** Puts the panel's host where it belongs in a page, told each time what the panel shows. */
export interface PanelPlacement {
  update(state: PanelPlacementState): void;
}

export interface MountPanelOptions {
  /**
   * Places the panel's host element in the page (Gmail docks it beside its content). Without
   * it the panel floats over the right of the page, at the end of the body.
   */
  place?(host: HTMLElement, signal: AbortSignal): PanelPlacement;
  /**
   * Reads the host page's own theme (sites/shared/host-theme.ts readHostTheme): reading the
   * host page belongs to sites/, so the content script passes it in.
   */
  readHostTheme(document: Document, ownHost?: Element | null): 'light' | 'dark' | null;
}

// The frame stays mounted while no content is shown, so whether the rep folded the panel is
// already known when the next thread shows: it does not open first and fold a moment later
// (nor, docked in Gmail, narrow the mail and widen it again).
function Frame({
  content,
  theme,
  placement,
}: {
  content: VNode | null;
  theme: PanelTheme;
  placement: PanelPlacement | null;
}) {
  const [collapsed, setCollapsed] = usePanelCollapsed();
  const state: PanelPlacementState = content ? (collapsed ? 'folded' : 'open') : 'hidden';
  useEffect(() => placement?.update(state), [placement, state]);
  if (!content) return null;
  return (
    <PanelFrame collapsed={collapsed} theme={theme} onToggle={() => setCollapsed(!collapsed)}>
      {content}
    </PanelFrame>
  );
}

/**
 * Mounts the panel in a closed shadow root at the end of the page (styles isolated both ways,
 * key presses kept from the host's shortcuts, events the page makes up ignored) and answers
 * the keyboard command that folds it.
 * `show(content)` renders the panel's content, or removes the panel with null. `place`
 * moves the host elsewhere in the page (see MountPanelOptions).
 *
 * The rep's language is in place before anything renders, and a change of language or theme
 * made in the dashboard redraws the open panel.
 */
export async function mountPanel(
  ctx: ContentScriptContext,
  options: MountPanelOptions,
): Promise<{ show(content: VNode | null): void }> {
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
    // Gmail's and LinkedIn's scripts see the host element, not what the panel shows. (Only the
    // `--mode bench` build, never shipped, leaves it open: the bench times the panel from a
    // script in the page, from the page's first moment.)
    mode: import.meta.env.MODE === 'bench' ? 'open' : 'closed',
    isolateEvents: true,
    onMount(element) {
      container = element;
      draw();
    },
    onRemove(element) {
      if (element) render(null, element);
    },
  });

  // Automatic: the host page's own theme where it can be read, else the system's.
  const hostTheme = watchHostTheme(() => options.readHostTheme(document, ui.shadowHost), draw);
  const theme = (): PanelTheme =>
    prefs.theme === 'auto' ? (hostTheme.current ?? 'auto') : prefs.theme;
  let placement: PanelPlacement | null = null;
  // A copy of the content so that its components render again (in the new language) while
  // keeping their state; Preact skips a subtree whose element is the very same object.
  function draw() {
    if (container)
      render(
        <Frame content={current && cloneElement(current)} theme={theme()} placement={placement} />,
        container,
      );
    if (prefs.theme === 'auto') hostTheme.reread();
  }

  acceptOnlyTheRep(ui.shadow);

  ui.mount();
  if (options.place) {
    try {
      placement = options.place(ui.shadowHost, ctx.signal);
      draw();
    } catch (error) {
      // The panel still floats where it was mounted.
      console.warn('Threadline: could not place the panel', error);
    }
  }
  answerPanelCommands(ctx);

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

/**
 * The host page's own theme, read at once and again when the browser is idle after a draw:
 * reading it forces a layout of the host page, so a draw uses the last reading, and a changed
 * theme draws again.
 */
function watchHostTheme(read: () => 'light' | 'dark' | null, onChange: () => void) {
  let theme = read();
  let rereading = false;
  return {
    get current() {
      return theme;
    },
    reread() {
      if (rereading) return;
      rereading = true;
      requestIdleCallback(
        () => {
          rereading = false;
          const next = read();
          if (next === theme) return;
          theme = next;
          onChange();
        },
        { timeout: 1_000 },
      );
    },
  };
}
