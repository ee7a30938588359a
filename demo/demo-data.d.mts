import type { Contact, Deal, Link, StageChange } from '../storage/schemas';

export function demoRecords(now?: number): {
  deals: Deal[];
  contacts: Contact[];
  links: Link[];
  stageHistory: StageChange[];
};
export const DEMO_ROUTES: Record<string, string>;
export const DEMO_ROWS: Record<string, string>;
export const DEMO_LINKEDIN_PAGES: Record<string, string>;
