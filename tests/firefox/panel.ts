import type { Page } from 'puppeteer-core';
import { contextOf, type BidiConnection } from '../../scripts/lib/firefox.mjs';

/**
 * How Firefox tests reach the panel, whose shadow root is closed. WebDriver BiDi serializes
 * an element's shadow root whatever its mode (`includeShadowTree: 'all'`), as a shared
 * reference; the driver hands that reference to a function it runs in its own sandbox realm
 * (`target.sandbox`), which sees the page's DOM through its own wrappers. Gmail's and
 * LinkedIn's scripts never see the root: it exists only in that call.
 *
 * Reading (text, values) happens in the sandbox; clicks and typing are real input
 * (`input.performActions` through Puppeteer's mouse and keyboard), so the panel, which
 * ignores every event a page makes up, treats them as the rep's own. The build under test
 * is the one that ships.
 */

const SANDBOX = 'threadline-test-driver';

/** What to find in the panel: a CSS selector, or a control by its visible name. */
export type Target =
  { css: string } | { button: string } | { label: string } | { heading: string } | { text: string };

// Runs in the sandbox: finds a target under the panel's root.
const FIND = `(root, target) => {
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const all = (css) => Array.from(root.querySelectorAll(css));
  if (target.css) return root.querySelector(target.css);
  if (target.button !== undefined)
    return all('button, [role=button]').find(
      (el) => text(el) === target.button || el.getAttribute('aria-label') === target.button,
    ) ?? null;
  if (target.heading !== undefined)
    return all('h1, h2, h3, h4, [role=heading]').find((el) => text(el) === target.heading) ?? null;
  if (target.text !== undefined)
    return all('*').find((el) => el.children.length === 0 && text(el).includes(target.text)) ?? null;
  const byAria = all('[aria-label]').find((el) => el.getAttribute('aria-label') === target.label);
  if (byAria) return byAria;
  const label = all('label').find((el) => {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3 || n.matches?.('span'));
    return own.map((n) => n.textContent).join('').replace(/\\s+/g, ' ').trim() === target.label;
  });
  return label ? (label.control ?? label.querySelector('input, select, textarea')) : null;
}`;

export class Panel {
  constructor(
    private readonly connection: BidiConnection,
    readonly page: Page,
  ) {}

  /**
   * Runs `fn(root, arg)` in the driver's sandbox, with the panel's shadow root (null when
   * the page shows no panel), and returns its result through JSON.
   */
  async run<T, A>(fn: string, arg: A): Promise<T> {
    const target = { context: contextOf(this.page), sandbox: SANDBOX };
    const host = await this.connection.send('script.callFunction', {
      functionDeclaration: "() => document.querySelector('threadline-panel')",
      awaitPromise: false,
      target,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const value = (host.result.result as { value?: { shadowRoot?: { sharedId?: string } } }).value;
    const sharedId = value?.shadowRoot?.sharedId;
    const call = await this.connection.send('script.callFunction', {
      functionDeclaration: `async (root, json) => JSON.stringify(await (${fn})(root, JSON.parse(json), ${FIND}) ?? null)`,
      arguments: [
        sharedId ? { sharedId } : { type: 'null' },
        { type: 'string', value: JSON.stringify(arg) },
      ],
      awaitPromise: true,
      target,
      resultOwnership: 'none',
    });
    if (call.result.type === 'exception')
      throw new Error(`In the panel: ${(call.result.exceptionDetails as { text: string }).text}`);
    return JSON.parse((call.result.result as { value: string }).value) as T;
  }

  /** Whether the page shows the panel's content. */
  shown(): Promise<boolean> {
    return this.run('(root) => !!root?.querySelector("[role=complementary]")', null);
  }

  /** A target's text, or null when it is not there. */
  text(target: Target): Promise<string | null> {
    return this.run(
      '(root, target, find) => root ? find(root, target)?.textContent?.replace(/\\s+/g, " ").trim() ?? null : null',
      target,
    );
  }

  /** A form control's value, or null when it is not there. */
  value(target: Target): Promise<string | null> {
    return this.run(
      '(root, target, find) => root ? find(root, target)?.value ?? null : null',
      target,
    );
  }

  /** Waits until the target is in the panel. */
  async waitFor(target: Target, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await this.run('(root, target, find) => !!root && !!find(root, target)', target))) {
      if (Date.now() > deadline) throw new Error(`Not in the panel: ${JSON.stringify(target)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Clicks the target's middle with the mouse, as the rep does. */
  async click(target: Target): Promise<void> {
    await this.waitFor(target);
    const point = await this.run<{ x: number; y: number } | null, Target>(
      `(root, target, find) => {
        const el = find(root, target);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const rect = el.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }`,
      target,
    );
    if (!point) throw new Error(`Not in the panel: ${JSON.stringify(target)}`);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Focuses a field and types into it, replacing what it held. */
  async fill(target: Target, text: string): Promise<void> {
    await this.waitFor(target);
    await this.run(
      '(root, target, find) => { const el = find(root, target); el.focus(); el.select?.(); }',
      target,
    );
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  /** Picks an option of a select with the keyboard (arrow keys on the focused select). */
  async choose(target: Target, value: string): Promise<void> {
    await this.waitFor(target);
    const steps = await this.run<number, { target: Target; value: string }>(
      `(root, { target, value }, find) => {
        const select = find(root, target);
        const to = Array.from(select.options).findIndex((option) => option.value === value);
        if (to < 0) throw new Error('No option ' + value);
        select.focus();
        return to - select.selectedIndex;
      }`,
      { target, value },
    );
    for (let i = 0; i < Math.abs(steps); i++)
      await this.page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }
}
