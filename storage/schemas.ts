import { z } from 'zod';
import { BANT_KEYS, BANT_STATES, CHANNELS, DEAL_STATUSES, DIRECTIONS } from '../domain/types';
import { linkProblem } from './link-address';

// Every stored record has a schema here and is checked on every write: the database only
// ever holds what these describe, whatever a page, an import or a bug hands us.

const id = z.string().min(1).max(100);
const time = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);

export const bantItemSchema = z.object({
  state: z.enum(BANT_STATES),
  note: text(2_000),
});
export const bantSchema = z.object(
  Object.fromEntries(BANT_KEYS.map((key) => [key, bantItemSchema])) as Record<
    (typeof BANT_KEYS)[number],
    typeof bantItemSchema
  >,
);

/**
 * A team member's name as the team's server knows it (CouchDB's user name): the owner of a
 * deal. Pulled from a server too, so checked for a sane size and no control characters.
 */
export const ownerName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'Not a team member name');

export const dealSchema = z.object({
  id,
  title: z.string().trim().min(1).max(500),
  company: text(300),
  value: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR'),
  stageId: id,
  status: z.enum(DEAL_STATUSES),
  closeReason: text(2_000),
  closedAt: time.nullable(),
  expectedClose: z.iso.date().nullable(),
  contactIds: z.array(id).max(200),
  bant: bantSchema,
  checkedExitItems: z.array(id).max(500),
  notes: text(50_000),
  createdAt: time,
  updatedAt: time,
  stageChangedAt: time,
  snoozedUntil: time.nullable(),
  // Kept up to date by recordTouch in the same transaction as the touch itself, so the
  // due scan and the panel never have to read a deal's whole history.
  touchCount: z.number().int().nonnegative(),
  lastTouchAt: time.nullable(),
  lastTouchDirection: z.enum(DIRECTIONS).nullable(),
  lastDirectedTouchAt: time.nullable(),
  lastInboundAt: time.nullable(),
  outboundSinceInbound: z.number().int().nonnegative(),
  followUpCount: z.number().int().nonnegative(),
  lastMovementAt: time,
  /**
   * The earliest answer promised on the deal's objections and not yet given (null if none),
   * kept by storage/objections.ts in the same transaction as the objections: the due scan
   * finds deals owed an answer from an index alone.
   */
  answerDueAt: time.nullable().default(null),
  /** The team member whose deal it is; null without a team (every deal is the rep's then). */
  owner: ownerName.nullable().default(null),
  /**
   * Kept to this browser: the team sync never sends the deal nor what hangs on it
   * (storage/sync-private.ts). A field of the deal, not a field the team shares
   * (storage/sync-records.ts lists those), so a backup keeps it and no pull can clear it.
   */
  private: z.boolean().optional(),
});
export type Deal = z.infer<typeof dealSchema>;

/** A LinkedIn member id, as domain/link-key.ts isLinkedInMemberId() knows it. */
export const LINKEDIN_MEMBER_ID = z.string().regex(/^ACo[\w-]{20,60}$/, 'Not a LinkedIn member id');

export const contactSchema = z.object({
  id,
  name: text(300),
  email: z.email().max(320).toLowerCase().nullable(),
  company: text(300),
  headline: text(500),
  location: text(300),
  linkedinUrl: z.url({ protocol: /^https$/, hostname: /^www\.linkedin\.com$/ }).nullable(),
  /** LinkedIn's member id ("ACoAA…", case-sensitive), learnt from a profile or a conversation. */
  linkedinMemberId: LINKEDIN_MEMBER_ID.nullable().default(null),
  createdAt: time,
});
export type Contact = z.infer<typeof contactSchema>;

export const LINK_KINDS = ['gmail-thread', 'linkedin-profile', 'linkedin-conversation'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const linkSchema = z
  .object({
    /** kind + account + the site's own id; see linkKey(). One key links to one deal at most. */
    key: z.string().min(1).max(1_000),
    kind: z.enum(LINK_KINDS),
    dealId: id,
    /** The signed-in account the thing belongs to (a Gmail address), or null. */
    account: text(320).nullable(),
    externalId: z.string().min(1).max(500),
    /** Where the rep saw it; never opened as is (see link-address.ts), but only ever its site's. */
    url: z.url().max(2_000).nullable(),
    label: text(1_000),
    createdAt: time,
  })
  .superRefine(refineLinkAddress);
export type Link = z.infer<typeof linkSchema>;

/** A link holds only its own site's ids and address: https on mail.google.com or www.linkedin.com. */
export function refineLinkAddress(
  link: Pick<Link, 'kind' | 'account' | 'externalId' | 'url'>,
  ctx: z.RefinementCtx,
): void {
  const problem = linkProblem(link);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

export const touchSchema = z.object({
  id,
  dealId: id,
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  at: time,
  /** The source message's own id ("gmail:msg-f:…"): the same message is never counted twice. */
  sourceKey: z.string().min(1).max(500).optional(),
  /**
   * A message the rep has just sent, recorded before Gmail shows it with its id. When the
   * message appears, this touch takes its id instead of a second touch being made; if the
   * send is undone, it is removed.
   */
  pending: z.boolean().optional(),
  note: text(10_000),
  createdAt: time,
});
export type Touch = z.infer<typeof touchSchema>;

export const stageChangeSchema = z.object({
  id: z.number().int().positive().optional(),
  dealId: id,
  from: id.nullable(),
  to: id,
  at: time,
});
export type StageChange = z.infer<typeof stageChangeSchema>;

export const stageDefinitionSchema = z.object({
  id,
  name: z.string().trim().min(1).max(100),
  entry: text(2_000),
  exitChecklist: z.array(z.object({ id, text: z.string().trim().min(1).max(500) })).max(50),
  bantGate: z.boolean(),
});

export const settingsSchema = z.object({
  key: z.literal('main'),
  stages: z
    .array(stageDefinitionSchema)
    .min(1)
    .max(30)
    .refine(
      (stages) => new Set(stages.map((s) => s.id)).size === stages.length,
      'Stage ids must be unique',
    ),
  cadence: z
    .object({
      dueAfterDays: z.number().int().min(1).max(60),
      overdueAfterDays: z.number().int().min(1).max(90),
      businessDays: z.boolean(),
    })
    .refine((c) => c.overdueAfterDays >= c.dueAfterDays, {
      message: 'Overdue must come on or after due',
      path: ['overdueAfterDays'],
    }),
  currency: z.string().regex(/^[A-Z]{3}$/),
  notifications: z.boolean(),
  language: z.enum(['auto', 'en', 'tr', 'fi']),
  theme: z.enum(['auto', 'light', 'dark']),
  /** Link a LinkedIn conversation to the deal of the prospect it is with, without a click. */
  linkedinAutoLink: z.boolean().default(false),
  /** LinkedIn links the rep removed (by key, newest last): never linked again by themselves. */
  linkedinUnlinked: z.array(z.string().max(1_000)).max(500).default([]),
  /**
   * Who this browser signs in to the team as (null without a team): the owner of the deals
   * made here. Kept by the team sync as the rep joins and leaves; never synced itself.
   */
  teamMember: ownerName.nullable().default(null),
  /**
   * The name the rep had in the team they left (null in a team, or never in one): their own
   * deals still carry it, so the queue, badge and nudges count those and not a teammate's.
   */
  formerTeamMember: ownerName.nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const objectionSchema = z.object({
  id,
  dealId: id,
  /** A built-in kind's id (domain/objections.ts BUILT_IN_KINDS) or the rep's own name for one. */
  kind: z.string().trim().min(1).max(80),
  /** What the prospect said, in their words. */
  words: text(5_000),
  /** What the rep answered (empty until it is given). */
  answer: text(5_000),
  /** The stage the deal was in when the objection was heard. */
  stageId: id,
  /** The day an answer was promised for (the start of that day), or null. */
  answerDueAt: time.nullable(),
  /** When the promise was kept: the answer logged or a message sent to the prospect. */
  promiseClosedAt: time.nullable(),
  answeredAt: time.nullable(),
  createdAt: time,
  updatedAt: time,
});
export type Objection = z.infer<typeof objectionSchema>;
