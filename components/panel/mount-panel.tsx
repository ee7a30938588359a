import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import browser from 'webextension-polyfill';
import { PanelFrame } from './PanelFrame';
import { usePanelCollapsed } from './use-panel-collapsed';

let togglePanel = () => {};

function Frame({ content }: { content: VNode }) {
  const [collapsed, setCollapsed] = usePanelCollapsed();
  togglePanel = () => setCollapsed(!collapsed);
  return (
    <PanelFrame collapsed={collapsed} onToggle={() => setCollapsed(!collapsed)}>
      {content}
    </PanelFrame>
  );
}

/**
 * Mounts the panel in a shadow root at the end of the page (styles isolated both ways, key
 * presses kept from the host's shortcuts) and answers the keyboard command that folds it.
 * `show(content)` renders the panel's content, or removes the panel with null.
 */
export async function mountPanel(ctx: ContentScriptContext): Promise<{ show(content: VNode | null): void }> {
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
      render(current && <Frame content={current} />, element);
    },
    onRemove(element) {
      if (element) render(null, element);
    },
  });
  ui.mount();
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'panel.toggle') togglePanel();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return {
    show(content) {
      current = content;
      if (container) render(content && <Frame content={content} />, container);
    },
  };
}
