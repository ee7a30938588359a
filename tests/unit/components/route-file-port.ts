import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { serveFilePort } from '../../../background/file-import';
import type { StoreContext } from '../../../storage/db';

type Listener = (message: unknown) => void;

/** One end of a port made in memory. */
interface PortEnd {
  name: string;
  other: PortEnd | null;
  open: boolean;
  /** Closed from this end: nothing more arrives here. */
  hungUp: boolean;
  heard: Set<Listener>;
  closed: Set<() => void>;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: Listener): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Messages cross as JSON, as a browser sends them, later, never in the same turn; what was sent
 * before the other end closed still arrives.
 */
function end(name: string): PortEnd {
  const self: PortEnd = {
    name,
    other: null,
    open: true,
    hungUp: false,
    heard: new Set(),
    closed: new Set(),
    postMessage(message) {
      if (!self.open) throw new Error('Attempting to use a disconnected port object');
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      const other = self.other!;
      setTimeout(() => !other.hungUp && other.heard.forEach((listener) => listener(copy)));
    },
    disconnect() {
      if (!self.open) return;
      self.open = false;
      self.hungUp = true;
      const other = self.other!;
      other.open = false;
      setTimeout(() => other.closed.forEach((listener) => listener()));
    },
    onMessage: { addListener: (listener) => void self.heard.add(listener) },
    onDisconnect: { addListener: (listener) => void self.closed.add(listener) },
  };
  return self;
}

/** A page's end and the worker's end of one port. */
export function portPair(name: string) {
  const page = end(name);
  const worker = end(name);
  page.other = worker;
  worker.other = page;
  return { page, worker };
}

/**
 * Connects what components send over the file port to the worker's own file import over
 * `ctx`: a file restored or imported in a test is written exactly as the worker writes it.
 * Returns the ports opened, in order.
 */
export function routeFilePortTo(ctx: StoreContext) {
  const opened: { page: PortEnd; worker: PortEnd }[] = [];
  vi.spyOn(browser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const pair = portPair(info?.name ?? '');
    opened.push(pair);
    serveFilePort(pair.worker, ctx);
    return pair.page;
  }) as never);
  return opened;
}
