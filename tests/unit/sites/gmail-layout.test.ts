import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DOCK_ATTRIBUTE,
  dockInGmail,
  dockStyleText,
  findDockSite,
} from '../../../entrypoints/gmail.content/dock-panel';
import { GMAIL_LAYOUT, type GmailLayoutSelectorName } from '../../../sites/gmail/selectors';
import { queryAllFirst } from '../../../sites/shared/query';
import { loadFixture } from './load-fixture';
import { undatedFallbacks } from './selector-notes';

const THREAD_A = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC';

const FIXTURES = {
  inbox: 'gmail/inbox.html',
  thread: 'gmail/thread.html',
  dark: 'gmail/thread-dark.html',
  compose: 'gmail/compose.html',
  readingPane: 'gmail/reading-pane.html',
  turkish: 'gmail/thread-tr.html',
  changed: 'gmail/not-gmail.html',
} as const;
type FixtureName = keyof typeof FIXTURES;
const open = (name: FixtureName) => loadFixture(FIXTURES[name], THREAD_A).document;

// How many elements each layout selector list matches in each fixture. thread, dark, compose
// and the reading pane carry Gmail's right-hand column (div.aUx) in the main row; the other
// fixtures still have the older shape, a rail fixed over the right edge outside the row.
const EXPECTED_COUNTS: Record<GmailLayoutSelectorName, Partial<Record<FixtureName, number>>> = {
  row: { inbox: 1, thread: 1, dark: 1, compose: 1, readingPane: 1, turkish: 1, changed: 1 },
  content: { inbox: 1, thread: 1, dark: 1, compose: 1, readingPane: 1, turkish: 1, changed: 1 },
  sideColumn: { inbox: 0, thread: 1, dark: 1, compose: 1, readingPane: 1, turkish: 0, changed: 0 },
  rail: { inbox: 1, thread: 1, dark: 1, compose: 1, readingPane: 1, turkish: 1, changed: 1 },
  composeSpacer: { thread: 0, dark: 0, compose: 1, readingPane: 0 },
};

describe('Gmail layout selectors against every fixture', () => {
  for (const [selector, counts] of Object.entries(EXPECTED_COUNTS)) {
    for (const [fixture, count] of Object.entries(counts)) {
      it(`${selector} matches ${count} in ${fixture}`, () => {
        expect(
          queryAllFirst(
            open(fixture as FixtureName),
            GMAIL_LAYOUT[selector as GmailLayoutSelectorName],
          ),
        ).toHaveLength(count);
      });
    }
  }
  for (const name of Object.keys(GMAIL_LAYOUT) as GmailLayoutSelectorName[]) {
    it(`${name} matches on at least one named page`, () => {
      expect(Object.values(EXPECTED_COUNTS[name]).some((count) => count! > 0)).toBe(true);
    });
  }
  it('dates every fallback and names the root it is queried from', () => {
    expect(undatedFallbacks('sites/gmail/selectors.ts', GMAIL_LAYOUT)).toEqual([]);
  });
});

describe('where the panel docks', () => {
  it('goes into the main row, after the content and before Gmail’s right-hand column', () => {
    for (const name of ['thread', 'dark', 'compose', 'readingPane'] as const) {
      const site = findDockSite(open(name))!;
      expect(site.row.matches('div.bkL')).toBe(true);
      expect(site.content.matches('div.bkK')).toBe(true);
      expect(site.before?.matches('div.aUx')).toBe(true);
      expect(site.row.contains(site.rail)).toBe(true);
    }
  });

  it('goes at the end of the row where the rail is elsewhere (checked against the layout when docking)', () => {
    const site = findDockSite(open('turkish'))!;
    expect(site.before).toBeNull();
    expect(site.rail).not.toBeNull();
    expect(site.row.contains(site.rail)).toBe(false);
  });

  it('is nowhere when the page has no Gmail layout', () => {
    const document = open('thread');
    document.querySelector('div.bkL')!.className = 'nH zz7';
    expect(findDockSite(document)).toBeNull();
  });

  it('gives Gmail only our own, fixed style text', () => {
    expect(dockStyleText('open')).toBe(
      [
        "/* Threadline: Gmail's content gives way to the docked panel. */",
        'div.nH.bkK, div.bkK { min-width: 0 !important; flex-shrink: 1 !important; }',
        'div.dw > div.jAmAWb ~ div.jAmAWb { margin-inline-start: 320px !important; }',
      ].join('\n'),
    );
    expect(dockStyleText('folded')).toContain('margin-inline-start: 36px !important');
  });
});

describe('docking in the page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  /** The fixture's markup and style sheet in the test's own document. */
  const showFixture = (name: FixtureName) => {
    const page = open(name);
    document.head.replaceChildren(
      ...Array.from(page.head.querySelectorAll('style'), (style) =>
        document.importNode(style, true),
      ),
    );
    document.body.replaceChildren(
      ...Array.from(page.body.childNodes, (node) => document.importNode(node, true)),
    );
  };

  /** A laid-out page: content on the left, the docked host beside it, the rail at the right. */
  const layOut = () =>
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const [left, width] =
        this.localName === 'threadline-panel'
          ? [600, 320]
          : this.matches('div.bkK')
            ? [216, 376]
            : this.matches('div.brC-aT5-aOt-Jw')
              ? [930, 56]
              : [0, 0];
      return {
        x: left,
        y: 64,
        left,
        top: 64,
        width,
        height: 720,
        right: left + width,
        bottom: 784,
        toJSON: () => ({}),
      } as DOMRect;
    });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('docks while a thread shows, follows the fold, floats when hidden, and cleans up when invalidated', async () => {
    showFixture('compose');
    layOut();
    const host = document.createElement('threadline-panel');
    document.body.append(host);
    const controller = new AbortController();
    const placement = dockInGmail(host, controller.signal);
    const ourStyle = () => document.querySelector('style[data-threadline]');

    placement.update('open');
    await settle();
    expect(host.parentElement?.matches('div.bkL')).toBe(true);
    expect(host.nextElementSibling?.matches('div.aUx')).toBe(true);
    expect(host.getAttribute(DOCK_ATTRIBUTE)).toBe('open');
    expect(ourStyle()?.textContent).toBe(dockStyleText('open'));

    placement.update('folded');
    await settle();
    expect(host.getAttribute(DOCK_ATTRIBUTE)).toBe('folded');
    expect(ourStyle()?.textContent).toBe(dockStyleText('folded'));

    placement.update('hidden');
    await settle();
    expect(host.parentElement).toBe(document.body);
    expect(host.hasAttribute(DOCK_ATTRIBUTE)).toBe(false);
    expect(ourStyle()).toBeNull();

    placement.update('open');
    await settle();
    expect(host.parentElement?.matches('div.bkL')).toBe(true);
    controller.abort();
    expect(ourStyle()).toBeNull();
    expect(host.hasAttribute(DOCK_ATTRIBUTE)).toBe(false);
  });

  it('floats, quietly, where docking would not make room', async () => {
    showFixture('thread');
    // Nothing laid out: the docked host would have no width.
    const warn = vi.spyOn(console, 'warn');
    const host = document.createElement('threadline-panel');
    document.body.append(host);
    const controller = new AbortController();
    dockInGmail(host, controller.signal).update('open');
    // Whether docking made room is read after the frame that drew it.
    await vi.waitFor(() => expect(host.parentElement).toBe(document.body));
    expect(host.hasAttribute(DOCK_ATTRIBUTE)).toBe(false);
    expect(document.querySelector('style[data-threadline]')).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    controller.abort();
  });
});
