// Docks the Threadline panel beside Gmail's content instead of floating over it.
//
// Gmail's own side panel (Calendar, Keep, Tasks, add-ons) makes room rather than covering
// the mail: its right-hand column (`div.aUx`: the panel, then the icon rail) is a column of
// the main flex row (`.aqk.aql.bkL`), so opening it narrows the content column (`.bkK`).
// InboxSDK puts its sidebar in that column's panel container (`.brC-brG`), narrows the
// content beside it and, since July 2026, widens the compose strip's right-hand spacer so
// compose windows keep clear of it (InboxSDK/InboxSDK, src/platform-implementation-js/:
// dom-driver/gmail/views/gmail-app-sidebar-view/primary/index.tsx, style/gmail.css
// `.nH.companion_container_app_sidebar_visible`, and
// dom-driver/gmail/gmail-driver/sync-mole-spacer-with-right-column.ts).
//
// The panel's host element becomes one more column of that row, just before Gmail's
// right-hand column, so the flex layout narrows the content by itself. One style sheet of
// our own (static text, built only from our selector lists and constants) lets the content
// column shrink and moves compose windows clear of the panel. Where the layout is not found,
// or docking did not make room, the panel floats as before, quietly.

import type { PanelPlacement, PanelPlacementState } from '../../components/panel/mount-panel';
import { GMAIL_LAYOUT } from '../../sites/gmail/selectors';
import { queryAllFirst, queryFirst } from '../../sites/shared/query';
import { watchPage } from '../../sites/shared/watch-page';

/** The attribute on the panel's host that panel.css sizes the docked column by. */
export const DOCK_ATTRIBUTE = 'data-tl-dock';

/** Widths of the docked column, open and folded to its tab; panel.css uses the same numbers. */
export const DOCK_WIDTH = { open: 320, folded: 36 } as const;

/** Where the panel docks: a column of Gmail's main row, before its right-hand column. */
export interface DockSite {
  row: HTMLElement;
  /** The content column that gives way. */
  content: HTMLElement;
  /** The row's child the panel goes before (Gmail's right-hand column), or null for the end. */
  before: Element | null;
  /** Gmail's side-panel icon rail, wherever it is: the panel must not lie under it. */
  rail: Element | null;
}

function matchesAny(element: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
}

/** The child of `row` that holds `descendant`, or null when it is not inside the row. */
function childOf(row: Element, descendant: Element): Element | null {
  let node: Element | null = descendant;
  while (node && node.parentElement !== row) node = node.parentElement;
  return node;
}

/** Gmail's main row and its columns, found by selectors alone (no layout is read). */
export function findDockSite(document: Document): DockSite | null {
  for (const row of queryAllFirst(document, GMAIL_LAYOUT.row)) {
    const content = Array.from(row.children).find((child) =>
      matchesAny(child, GMAIL_LAYOUT.content),
    );
    if (!(row instanceof HTMLElement) || !(content instanceof HTMLElement)) continue;
    const rail = queryFirst(document, GMAIL_LAYOUT.rail);
    const column =
      queryFirst(row, GMAIL_LAYOUT.sideColumn) ?? (rail && row.contains(rail) ? rail : null);
    let before = column ? childOf(row, column) : null;
    // The panel goes after the content, never before it.
    if (before && !(content.compareDocumentPosition(before) & Node.DOCUMENT_POSITION_FOLLOWING))
      before = null;
    return { row, content, before, rail };
  }
  return null;
}

/**
 * The style sheet Gmail's page gets while the panel is docked: the content column may shrink
 * below its content's width, and the compose strip's right-hand spacer grows by the panel's
 * width so compose windows sit clear of it (as Gmail does for its own side panel).
 */
export function dockStyleText(state: 'open' | 'folded'): string {
  return [
    `/* Threadline: Gmail's content gives way to the docked panel. */`,
    `${GMAIL_LAYOUT.content.join(', ')} { min-width: 0 !important; flex-shrink: 1 !important; }`,
    `${GMAIL_LAYOUT.composeSpacer.join(', ')} { margin-inline-start: ${DOCK_WIDTH[state]}px !important; }`,
  ].join('\n');
}

const STYLE_TEXT = { open: dockStyleText('open'), folded: dockStyleText('folded') } as const;

/** Whether two boxes share any horizontal stretch (beyond a pixel of rounding). */
function overlapsAcross(a: DOMRect, b: DOMRect): boolean {
  return a.width > 0 && b.width > 0 && a.left < b.right - 1 && b.left < a.right - 1;
}

/**
 * Whether the docked panel made room: it has a width, lies inside the window, and overlaps
 * neither the content nor the side-panel rail. One layout read, once per docking, after the
 * frame that drew it.
 */
function madeRoom(host: HTMLElement, site: DockSite): boolean {
  const box = host.getBoundingClientRect();
  const page = host.ownerDocument;
  const viewport = page.documentElement.clientWidth || page.defaultView?.innerWidth || 0;
  if (box.width < 1 || box.left < -1 || box.right > viewport + 1) return false;
  if (overlapsAcross(box, site.content.getBoundingClientRect())) return false;
  return !(site.rail && overlapsAcross(box, site.rail.getBoundingClientRect()));
}

/** Whether the docked host lies beside the content: Gmail's row is a flex row, and it made room. */
function fitsDocked(host: HTMLElement, site: DockSite): boolean {
  try {
    // Only a flex row lays the panel out beside the content.
    return getComputedStyle(site.row).display.endsWith('flex') && madeRoom(host, site);
  } catch {
    return false;
  }
}

/** Runs `callback` in a task after the browser's next frame, when the layout is up to date. */
function afterNextFrame(callback: () => void): void {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

/**
 * Places the panel's host in Gmail's layout: docked beside the content while a thread is
 * shown, floating where the layout is not Gmail's usual one. Follows the rep folding and
 * unfolding the panel and Gmail re-creating its containers; undone when `signal` aborts.
 */
export function dockInGmail(host: HTMLElement, signal: AbortSignal): PanelPlacement {
  const document = host.ownerDocument;
  const style = document.createElement('style');
  style.setAttribute('data-threadline', 'dock');
  let wanted: PanelPlacementState = 'hidden';
  /** Where the host is docked now; null while it floats. */
  let site: DockSite | null = null;
  /** A row where docking was tried and made no room: the panel floats until Gmail replaces it. */
  let refused: Element | null = null;
  /** The room last taken from Gmail's layout: none while floating. */
  let applied: 'open' | 'folded' | 'floating' = 'floating';
  let scheduled = false;

  const float = () => {
    site = null;
    host.removeAttribute(DOCK_ATTRIBUTE);
    style.remove();
    if (host.parentElement !== document.body) document.body.append(host);
  };

  const isDocked = () => site !== null && site.row.isConnected && host.parentElement === site.row;

  const dock = (state: 'open' | 'folded'): boolean => {
    const found = findDockSite(document);
    if (!found || found.row === refused) return false;
    found.row.insertBefore(host, found.before);
    site = found;
    showDocked(host, style, state);
    checkAfterNextFrame(found);
    return true;
  };

  // Whether docking made room is read once the browser has drawn the page: read at once, it
  // would lay out Gmail's new view inside this task (5-10 ms), and the frame would lay it out
  // again. A layout where it did not floats the panel from the frame after.
  const checkAfterNextFrame = (found: DockSite) =>
    afterNextFrame(() => {
      if (signal.aborted || site !== found || !isDocked() || fitsDocked(host, found)) return;
      refused = found.row;
      withoutThrowing(float);
      apply();
    });

  const apply = () => {
    scheduled = false;
    if (signal.aborted) return;
    try {
      if (wanted === 'hidden') {
        if (host.hasAttribute(DOCK_ATTRIBUTE) || site) float();
      } else if (isDocked()) {
        showDocked(host, style, wanted);
      } else if (!dock(wanted)) {
        float();
      }
    } catch {
      // Never into Gmail's page: the floating panel still works.
      withoutThrowing(float);
    }
    const now = site && wanted !== 'hidden' ? wanted : 'floating';
    if (now !== applied) {
      applied = now;
      letGmailCatchUp(document);
    }
  };

  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    // One step per task: a fold reported twice in a row (the remembered state arriving just
    // after the first draw) moves Gmail's layout once.
    setTimeout(apply, 0);
  };

  // Gmail re-creates its containers now and then: when the docked host went with them, or
  // the layout appears after the panel (Gmail still loading), dock again. Each check is a
  // few property reads, or selector queries while floating: no layout is read here.
  watchPage(signal, () => {
    if (wanted === 'hidden' || isDocked()) return;
    if (refused?.isConnected) return;
    schedule();
  });

  signal.addEventListener(
    'abort',
    () => {
      const wasDocked = site !== null;
      style.remove();
      host.removeAttribute(DOCK_ATTRIBUTE);
      if (wasDocked) letGmailCatchUp(document);
    },
    { once: true },
  );

  return {
    update(state) {
      if (state === wanted) return;
      wanted = state;
      schedule();
    },
  };
}

/** The docked host's state and the room it takes, each written only when it changes. */
function showDocked(host: HTMLElement, style: HTMLStyleElement, state: 'open' | 'folded'): void {
  if (host.getAttribute(DOCK_ATTRIBUTE) !== state) host.setAttribute(DOCK_ATTRIBUTE, state);
  if (style.textContent !== STYLE_TEXT[state]) style.textContent = STYLE_TEXT[state];
  const document = host.ownerDocument;
  if (!style.isConnected) (document.head ?? document.documentElement).append(style);
}

/**
 * Gmail sizes parts of its layout (the compose windows' toolbars, heights) on resize: a resize
 * event after the room changed lets it catch up, as InboxSDK does.
 */
function letGmailCatchUp(document: Document): void {
  document.defaultView?.dispatchEvent(new Event('resize'));
}

function withoutThrowing(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing more to do.
  }
}
