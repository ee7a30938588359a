import { z } from 'zod';
import { BANT_KEYS, BANT_STATES, CHANNELS, DIRECTIONS } from '../domain/types';
import {
  LINK_KINDS,
  LINKEDIN_MEMBER_ID,
  ownerName,
  refineLinkAddress,
  settingsSchema,
  stageDefinitionSchema,
} from './schemas';

// What callers hand the write operations. The message protocol reuses these, so a request
// from a content script is checked by the same rules as a call from the dashboard.

const id = z.string().min(1).max(100);

export const contactInput = z.object({
  name: z.string().trim().max(300).default(''),
  email: z.email().max(320).toLowerCase().nullable().default(null),
  company: z.string().trim().max(300).default(''),
  headline: z.string().trim().max(500).default(''),
  location: z.string().trim().max(300).default(''),
  linkedinUrl: z.url().max(2_000).nullable().default(null),
  linkedinMemberId: LINKEDIN_MEMBER_ID.nullable().default(null),
});
export type ContactInput = z.input<typeof contactInput>;

export const linkInput = z
  .object({
    kind: z.enum(LINK_KINDS),
    account: z.string().max(320).nullable().default(null),
    externalId: z.string().min(1).max(500),
    url: z.url().max(2_000).nullable().default(null),
    label: z.string().max(1_000).default(''),
  })
  .superRefine(refineLinkAddress);
export type LinkInput = z.input<typeof linkInput>;

export const createDealInput = z.object({
  title: z.string().trim().min(1).max(500),
  company: z.string().trim().max(300).default(''),
  value: z.number().finite().nonnegative().default(0),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  stageId: id.optional(),
  expectedClose: z.iso.date().nullable().default(null),
  notes: z.string().max(50_000).default(''),
  contactIds: z.array(id).max(200).default([]),
  newContacts: z.array(contactInput).max(50).default([]),
  links: z.array(linkInput).max(50).default([]),
});
export type CreateDealInput = z.input<typeof createDealInput>;

export const updateDealInput = z.object({
  id,
  patch: z
    .object({
      title: z.string().trim().min(1).max(500),
      company: z.string().trim().max(300),
      value: z.number().finite().nonnegative(),
      currency: z.string().regex(/^[A-Z]{3}$/),
      expectedClose: z.iso.date().nullable(),
      notes: z.string().max(50_000),
      contactIds: z.array(id).max(200),
      /** Hands the deal to another team member. */
      owner: ownerName,
    })
    .partial()
    .strict(),
});
export type UpdateDealInput = z.input<typeof updateDealInput>;

export const recordTouchInput = z.object({
  dealId: id,
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  at: z.number().int().nonnegative(),
  sourceKey: z.string().min(1).max(500).optional(),
  /** Other keys the same message is known by (its id, once Gmail shows one): never a second touch. */
  aliases: z.array(z.string().min(1).max(500)).max(5).optional(),
  /**
   * An older record of this message may be keyed by an id starting with this prefix: a touch
   * of the deal in the same direction and minute with such a key is this message.
   */
  formerKeyPrefix: z.string().min(1).max(500).optional(),
  pending: z.boolean().optional(),
  note: z.string().max(10_000).default(''),
});
export type RecordTouchInput = z.input<typeof recordTouchInput>;

export const setBantInput = z.object({
  dealId: id,
  key: z.enum(BANT_KEYS),
  state: z.enum(BANT_STATES),
  note: z.string().max(2_000).optional(),
});
export type SetBantInput = z.input<typeof setBantInput>;

export const closeDealInput = z.object({
  dealId: id,
  status: z.enum(['won', 'lost', 'disqualified']),
  reason: z.string().trim().max(2_000).default(''),
});
export type CloseDealInput = z.input<typeof closeDealInput>;

/** A LinkedIn profile added as a prospect (storage/prospects.ts addProspect). */
export const addProspectInput = z.object({
  contact: contactInput.extend({ linkedinUrl: z.url().max(2_000) }),
  /** The profile's slug (or, on a page addressed by member id, the member id) the new deal is linked by. */
  slug: z.string().min(1).max(200),
  /** An existing contact that is the same person: completed from the profile, not duplicated. */
  mergeInto: z.string().min(1).max(100).nullable().default(null),
  notes: z.string().max(50_000).default(''),
});
export type AddProspectInput = z.input<typeof addProspectInput>;

/**
 * The settings a rep changes one at a time. The pipeline's stages are not among them: saving
 * stages can move deals, so it is its own request (`pipelineInput`). No field has a default
 * here, so a patch never resets what it does not name.
 */
export const settingsPatchInput = settingsSchema
  .pick({ cadence: true, currency: true, notifications: true, language: true, theme: true })
  .extend({ linkedinAutoLink: z.boolean() })
  .partial()
  .strict();
export type SettingsPatchInput = z.input<typeof settingsPatchInput>;

/** An edited pipeline, and where the deals of each removed stage go. */
export const pipelineInput = z.object({
  stages: z.array(stageDefinitionSchema).max(30),
  movesTo: z.record(id, id),
});
export type PipelineInput = z.input<typeof pipelineInput>;

/** An objection heard on a deal (storage/objections.ts logObjection). */
export const logObjectionInput = z.object({
  dealId: id,
  kind: z.string().trim().min(1).max(80),
  words: z.string().trim().max(5_000).default(''),
  answer: z.string().trim().max(5_000).default(''),
  /** The day an answer is promised for (the start of that day), or null for no promise. */
  answerDueAt: z.number().int().nonnegative().nullable().default(null),
});
export type LogObjectionInput = z.input<typeof logObjectionInput>;

/** The answer to an objection, given later: it keeps the promise, if one was made. */
export const answerObjectionInput = z.object({
  id,
  answer: z.string().trim().min(1).max(5_000),
});
export type AnswerObjectionInput = z.input<typeof answerObjectionInput>;
