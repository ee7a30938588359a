import { z } from 'zod';
import type { PouchDatabase, PouchDoc } from 'pouchdb-core';
import type { TeamRoster } from '../../domain/owners';
import { ownerName } from '../../storage/schemas';
import type { SetAside } from '../../storage/sync-apply';
import { ROSTER_ID, type ParsedDoc } from './team-doc';

// The team's roster: every member name the admin kit ever added (scripts/team-admin.mjs), those
// who left listed as former, so their old deals stay the team's. Only a server admin writes it
// (the design document's rule). A pulled deal whose owner it does not list is set aside; a team
// with no roster (a server set up before it) has only the owner's form checked.

const names = z.array(ownerName).max(10_000);

const rosterDocSchema = z.object({
  _id: z.literal(ROSTER_ID),
  kind: z.literal('roster'),
  fields: z.object({
    members: z.object({ v: names }),
    former: z.object({ v: names }).optional(),
  }),
});

/** The roster a document holds; null when it is not one the admin kit writes. */
export function parseRoster(doc: PouchDoc | null): TeamRoster | null {
  const parsed = rosterDocSchema.safeParse(doc);
  if (!parsed.success) return null;
  const { members, former } = parsed.data.fields;
  return { members: members.v, former: former?.v ?? [] };
}

/**
 * The roster a database holds: the mirror's when applying begins, the server's when a deal
 * names an owner the mirror's does not list (the download may still be bringing a newer one:
 * background/sync/pull.ts). Only ever grows, so the newest is always right.
 */
export async function readRoster(mirror: PouchDatabase): Promise<TeamRoster | null> {
  return parseRoster(await mirror.get(ROSTER_ID).catch(() => null));
}

/** A parsed deal whose owner the roster does not list is set aside, the owner named. */
export function withinRoster(parsed: ParsedDoc, roster: TeamRoster | null): ParsedDoc {
  if (!parsed.ok || parsed.kind !== 'deal' || roster === null) return parsed;
  const owner = parsed.record.fields.owner?.v;
  if (typeof owner !== 'string' || roster.members.includes(owner)) return parsed;
  return {
    ok: false,
    id: parsed.id,
    reason: `its owner ${owner} is not on the team's roster`,
    notMember: owner,
  };
}

/** What the status names of a document set aside. */
export function setAsideOf(failed: Extract<ParsedDoc, { ok: false }>): SetAside {
  const { id, reason, notMember } = failed;
  return notMember === undefined ? { id, reason } : { id, reason, notMember };
}
