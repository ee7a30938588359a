import { selectors, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

/**
 * How tests reach the panel, whose shadow root is closed: neither Gmail's nor LinkedIn's
 * scripts nor Playwright's locators can see into it. The test driver can, through the
 * DevTools protocol, which a page script has no access to:
 *
 * - a selector engine, `threadline-panel=`, runs in Playwright's own isolated world (the
 *   "utility world", never the page's). It answers with the panel's root element, so that
 *   `page.locator('threadline-panel=root').getByRole(...)` works as locators do anywhere else;
 * - the engine finds the closed root in a variable of that world. When it is missing (a new
 *   page, a reload), the engine calls a DevTools binding that exists only in that world;
 *   the driver answers by looking the root up with `DOM.describeNode` (which pierces closed
 *   roots) and handing it to that world with `DOM.resolveNode`. The locator's next retry
 *   finds it.
 *
 * Nothing of this is in the extension: the build under test is the one that ships.
 */

const ENGINE = 'threadline-panel';
/** The isolated world Playwright runs its locators in (see UTILITY_WORLD_NAME in playwright-core). */
const PLAYWRIGHT_WORLD = '__playwright_utility_world_';
const FOUND = '__threadlinePanelFound';
const ASK = '__threadlinePanelAsk';

// Runs in Playwright's utility world; `globalThis` is that world's, not the page's.
const engine = (found: string, ask: string) => {
  type Found = { host: Element; root: ShadowRoot } | undefined;
  const scope = globalThis as unknown as Record<string, unknown>;
  const queryAll = (): Element[] => {
    const host = document.querySelector('threadline-panel');
    if (!host) return [];
    const known = scope[found] as Found;
    if (known?.host === host)
      return known.root.firstElementChild ? [known.root.firstElementChild] : [];
    (scope[ask] as ((payload: string) => void) | undefined)?.('');
    return [];
  };
  return { query: () => queryAll()[0] ?? null, queryAll };
};

// Runs in Playwright's utility world too.
const watchForHost = (found: string, ask: string) => {
  const scope = globalThis as unknown as Record<string, unknown>;
  const check = () => {
    const host = document.querySelector('threadline-panel');
    if (host && (scope[found] as { host: Element } | undefined)?.host !== host)
      (scope[ask] as (payload: string) => void)('');
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();
};

let registered: Promise<void> | null = null;

/** Registers the selector engine once per process (Playwright keeps it for every context). */
function registerEngine(): Promise<void> {
  registered ??= selectors
    .register(ENGINE, `(${engine})(${JSON.stringify(FOUND)}, ${JSON.stringify(ASK)})`, {
      contentScript: true,
    })
    .catch((error: Error) => {
      if (!/already registered/.test(error.message)) throw error;
    });
  return registered;
}

/** Hands the closed root of the page's panel to the world that asked for it. */
async function handOver(cdp: CDPSession, executionContextId: number): Promise<void> {
  const objectGroup = 'threadline-panel-access';
  try {
    const { result: host } = await cdp.send('Runtime.evaluate', {
      expression: "document.querySelector('threadline-panel')",
      contextId: executionContextId,
      objectGroup,
    });
    if (!host.objectId) return;
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: host.objectId,
      depth: 0,
      pierce: true,
    });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return;
    const { object: root } = await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
      executionContextId,
      objectGroup,
    });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: root.objectId!,
      functionDeclaration: `function (host) { globalThis[${JSON.stringify(FOUND)}] = { host, root: this }; }`,
      arguments: [{ objectId: host.objectId }],
    });
  } catch {
    // The page navigated meanwhile: the engine asks again.
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => {});
  }
}

async function openToDriver(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const pending = new Set<number>();
  cdp.on('Runtime.bindingCalled', ({ name, executionContextId }) => {
    if (name !== ASK || pending.has(executionContextId)) return;
    pending.add(executionContextId);
    void handOver(cdp, executionContextId).finally(() => pending.delete(executionContextId));
  });
  // Playwright names its world per page ("__playwright_utility_world_page@<id>"): the binding
  // goes to the world of that name, in this document and the ones that follow.
  const named = new Set<string>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (!context.name.startsWith(PLAYWRIGHT_WORLD)) return;
    void (async () => {
      if (!named.has(context.name)) {
        named.add(context.name);
        await cdp.send('Runtime.addBinding', { name: ASK, executionContextName: context.name });
      }
      // Asks as soon as the panel's host is in the page, so that the root is at hand before a
      // test looks (and a count of 0 means no panel, not "not handed over yet").
      await cdp.send('Runtime.evaluate', {
        expression: `(${watchForHost})(${JSON.stringify(FOUND)}, ${JSON.stringify(ASK)})`,
        contextId: context.id,
      });
    })().catch(() => {});
  });
  await cdp.send('Runtime.enable');
}

/**
 * Lets this context's tests reach the panel through `panelRoot(page)`, in pages open now and
 * pages opened later. Page scripts gain nothing: both the binding and the root live in
 * Playwright's isolated world.
 */
export async function openPanelToDriver(context: BrowserContext): Promise<void> {
  await registerEngine();
  context.on('page', (page) => void openToDriver(page).catch(() => {}));
  await Promise.all(context.pages().map((page) => openToDriver(page).catch(() => {})));
}

/** The panel's root element (the `html` inside its closed shadow root), as a locator. */
export function panelRoot(page: Page) {
  return page.locator(`${ENGINE}=root`);
}
