import type { Browser, Page } from 'puppeteer-core';

/** A WebDriver BiDi command and its result (the protocol's own JSON). */
export interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export const FIREFOX_EXTENSION_DIR: string;
export const GECKO_ID: string;
export const EXTENSION_UUID: string;
export const EXTENSION_ORIGIN: string;
export function findFirefox(): { path: string | null; looked: string[] };
export function missingFirefoxMessage(looked: string[]): string;
export function contextOf(page: Page): string;
export function launchFirefoxWithExtension(options?: {
  extensionDir?: string;
  pages?: Record<string, string> | ((url: string) => string | undefined);
  headless?: boolean;
  /** Firefox preferences added to the profile. */
  prefs?: Record<string, unknown>;
}): Promise<{
  browser: Browser;
  connection: BidiConnection;
  downloadDir: string;
  /** A new tab whose site requests are answered from fixtures; goes to `url` when given. */
  openSitePage(url?: string): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}>;
