// Each deal has an owner: the team member who created it (or was handed it). Without a team
// there is no one else, and every deal is the rep's.

/**
 * Whether a deal is the rep's own: for the follow-up queue, the badge and the nudges, and the
 * board's "mine". A deal with no owner (made before the rep joined a team) counts as theirs.
 */
export function isRepsDeal(
  owner: string | null | undefined,
  rep: string | null | undefined,
): boolean {
  return !rep || !owner || owner === rep;
}

/**
 * The name the rep's own deals carry: the team member this browser signs in as, or, once the
 * rep left the team, the name they had in it (their deals still carry it, a teammate's deal
 * another). Null for a rep who was never in a team: every deal is theirs.
 */
export function repsOwnerName(settings: {
  teamMember?: string | null;
  formerTeamMember?: string | null;
}): string | null {
  return settings.teamMember ?? settings.formerTeamMember ?? null;
}

/** The team's roster: every member name ever added, and those of them who left. */
export interface TeamRoster {
  members: string[];
  former: string[];
}

/** The names a deal can be handed to: the roster's members still in the team. */
export function currentMembers(roster: TeamRoster): string[] {
  const former = new Set(roster.former);
  return roster.members.filter((name) => !former.has(name));
}
