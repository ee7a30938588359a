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
