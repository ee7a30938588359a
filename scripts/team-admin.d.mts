export function teamRoles(database: string): { member: string; lead: string };
export const VALIDATE_DOC_UPDATE: string;
export const ROSTER_ID: string;
export interface Roster {
  members: string[];
  former: string[];
}
export function nextRoster(
  current: Roster | null,
  change: { added: string[]; removed: string[]; holders: string[] },
): Roster;
export function setUpTeam(options: {
  server: string;
  admin: { name: string; password: string };
  database: string;
  members: { name: string; password: string; lead?: boolean }[];
  removed?: string[];
}): Promise<{
  database: string;
  roles: { member: string; lead: string };
  members: { name: string; lead: boolean }[];
  roster: Roster;
}>;
