import type { BrowserContext, Worker } from 'playwright-core';

export const ROOT: string;
export const EXTENSION_DIR: string;
export const FIXTURES_DIR: string;
export const SITE_HOSTS: string[];
export function fixtureResponder(
  pages: Record<string, string> | ((url: string) => string | undefined),
): (url: string) => { status: number; contentType: string; body: string | Buffer };
export function launchWithExtension(options?: {
  extensionDir?: string;
  /** Unpacked extensions to load beside ours (tests of what other extensions can do). */
  otherExtensions?: string[];
  headless?: boolean;
  pages?: Record<string, string> | ((url: string) => string | undefined);
  viewport?: { width: number; height: number };
  language?: string;
  colorScheme?: 'light' | 'dark';
  /** Loopback origins (scheme://host:port) a test serves itself: requests to them go through. */
  allowOrigins?: string[];
}): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}>;
