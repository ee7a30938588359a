export function teamRoles(database: string): { member: string; lead: string };
export const VALIDATE_DOC_UPDATE: string;
export function setUpTeam(options: {
  server: string;
  admin: { name: string; password: string };
  database: string;
  members: { name: string; password: string; lead?: boolean }[];
}): Promise<{
  database: string;
  roles: { member: string; lead: string };
  members: { name: string; lead: boolean }[];
}>;
