import { z } from 'zod';
import { teamJoinInput } from './team-sync';
import { CATALOG_LANGUAGES } from '../i18n/message-catalog';
import { LINKEDIN_MEMBER_ID } from '../storage/schemas';
import {
  addProspectInput,
  answerObjectionInput,
  closeDealInput,
  pipelineInput,
  settingsPatchInput,
  createDealInput,
  linkInput,
  logObjectionInput,
  recordTouchInput,
  setBantInput,
  updateDealInput,
} from '../storage/inputs';

// The one protocol between content scripts, extension pages and the background. The
// background validates every request against this union on arrival; senders only import
// its types, so zod stays out of the content scripts.

const id = z.string().min(1).max(100);
const time = z.number().int().nonnegative();
const slug = z.string().min(1).max(200);

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  // In a team, refused ('confirm-required', naming them) when the company has open deals,
  // unless the rep confirmed they want another.
  z.object({
    type: z.literal('deal.create'),
    input: createDealInput,
    confirm: z.boolean().default(false),
  }),
  z.object({ type: z.literal('deal.update'), input: updateDealInput }),
  z.object({ type: z.literal('deal.delete'), dealId: id, confirm: z.boolean() }),
  z.object({ type: z.literal('deal.get'), dealId: id }),
  z.object({ type: z.literal('deal.forKey'), key: z.string().min(1).max(1_000) }),
  z.object({
    type: z.literal('deal.search'),
    query: z.string().max(200),
    limit: z.number().int().min(1).max(50).default(10),
  }),
  z.object({ type: z.literal('link.add'), dealId: id, link: linkInput }),
  z.object({ type: z.literal('link.remove'), key: z.string().min(1).max(1_000) }),
  z.object({ type: z.literal('touch.record'), input: recordTouchInput }),
  z.object({ type: z.literal('stage.move'), dealId: id, stageId: id }),
  z.object({ type: z.literal('bant.set'), input: setBantInput }),
  z.object({ type: z.literal('exit.tick'), dealId: id, itemId: id, checked: z.boolean() }),
  z.object({ type: z.literal('deal.snooze'), dealId: id, until: time.nullable() }),
  // Kept to this browser (true) or shared with the team again (false).
  z.object({ type: z.literal('deal.setPrivate'), dealId: id, private: z.boolean() }),
  z.object({ type: z.literal('deal.close'), input: closeDealInput }),
  z.object({ type: z.literal('deal.reopen'), dealId: id }),
  z.object({ type: z.literal('due.list') }),
  z.object({ type: z.literal('touches.sync'), inputs: z.array(recordTouchInput).max(500) }),
  z.object({ type: z.literal('touch.cancel'), sourceKey: z.string().min(1).max(500) }),
  z.object({ type: z.literal('deal.suggest'), emails: z.array(z.string().max(320)).max(100) }),
  z.object({ type: z.literal('dashboard.open'), dealId: id.optional() }),
  z.object({ type: z.literal('deal.open'), dealId: id }),
  z.object({
    type: z.literal('contact.same'),
    name: z.string().max(300),
    company: z.string().max(300),
    linkedinUrl: z.url().max(2_000).nullable(),
    linkedinMemberId: LINKEDIN_MEMBER_ID.nullable().default(null),
  }),
  // A LinkedIn person by profile slug and/or member id: their deals, and whether `linkKey` (a
  // conversation or chat bubble) may be linked by itself: not when the rep unlinked it.
  z.object({
    type: z.literal('person.deals'),
    person: z.object({ slug: slug.nullable(), memberId: LINKEDIN_MEMBER_ID.nullable() }),
    linkKey: z.string().min(1).max(1_000).nullable().default(null),
  }),
  z.object({
    type: z.literal('person.learn'),
    memberId: LINKEDIN_MEMBER_ID,
    slug: slug.nullable().default(null),
    dealId: id.nullable().default(null),
    name: z.string().max(300).default(''),
  }),
  // Refused in a team like deal.create when the company has open deals, unless confirmed.
  z.object({
    type: z.literal('prospect.add'),
    input: addProspectInput,
    confirm: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('links.chips'),
    keys: z.array(z.string().min(1).max(1_000)).max(500),
  }),
  z.object({ type: z.literal('objection.log'), input: logObjectionInput }),
  z.object({ type: z.literal('objection.answer'), input: answerObjectionInput }),
  z.object({ type: z.literal('objection.delete'), objectionId: id }),
  // The answers that worked (on won deals) for a kind, offered as the rep logs one of it.
  z.object({
    type: z.literal('objection.answers'),
    kind: z.string().trim().min(1).max(80),
    limit: z.number().int().min(1).max(20).default(3),
  }),
  z.object({ type: z.literal('display.prefs') }),
  z.object({ type: z.literal('settings.update'), patch: settingsPatchInput }),
  z.object({ type: z.literal('pipeline.save'), input: pipelineInput }),
  z.object({ type: z.literal('catalog.get'), language: z.enum(CATALOG_LANGUAGES) }),
  // The team sync: only the extension's own pages may send these (background/router.ts).
  z.object({ type: z.literal('team.join'), input: teamJoinInput }),
  z.object({ type: z.literal('team.leave') }),
  z.object({ type: z.literal('team.status') }),
  z.object({ type: z.literal('team.sync') }),
  z.object({ type: z.literal('team.signIn'), password: teamJoinInput.shape.password }),
]);

export type Request = z.input<typeof requestSchema>;
export type ParsedRequest = z.output<typeof requestSchema>;
export type RequestType = Request['type'];
