import { StorageError, validated } from './errors';
import {
  closeDealInput,
  createDealInput,
  setBantInput,
  updateDealInput,
  type CloseDealInput,
  type CreateDealInput,
  type SetBantInput,
  type UpdateDealInput,
} from './inputs';
import type { Deal } from './schemas';
import type { StoreContext } from './db';
import { mutateDeal, newDealRecord, requireDeal } from './deal-record';
import { rowsOfDeal } from './by-deal';
import { putContact } from './contacts';
import { putLink } from './links';
import { getSettings } from './settings';
import { earliestAnswerDue } from '../domain/objections';
import { objectionsOfDeal } from './objections';

/**
 * Creates a deal with its new contacts and links in one transaction: all or nothing. Its owner
 * is the team member this browser signs in as (none without a team), unless `owner` names
 * another (a CSV row's owner column).
 */
export async function createDeal(
  ctx: StoreContext,
  input: CreateDealInput,
  owner?: string | null,
): Promise<Deal> {
  const parsed = validated('deal', createDealInput, input);
  const { db } = ctx;
  return db.transaction(
    'rw',
    [db.deals, db.contacts, db.links, db.stageHistory, db.settings],
    async () => {
      const settings = await getSettings(ctx);
      const stageId = parsed.stageId ?? settings.stages[0]!.id;
      if (!settings.stages.some((stage) => stage.id === stageId)) {
        throw new StorageError('invalid', `deal.stageId: no stage "${stageId}" in the pipeline`, {
          field: 'deal.stageId',
        });
      }
      const created = [];
      for (const contact of parsed.newContacts) created.push(await putContact(ctx, contact));
      const now = ctx.now();
      const deal = newDealRecord({
        id: crypto.randomUUID(),
        title: parsed.title,
        company: parsed.company,
        value: parsed.value,
        currency: parsed.currency ?? settings.currency,
        stageId,
        expectedClose: parsed.expectedClose,
        notes: parsed.notes,
        contactIds: [...parsed.contactIds, ...created.map((c) => c.id)],
        owner: owner ?? settings.teamMember ?? null,
        now,
      });
      await db.deals.add(deal);
      await db.stageHistory.add({ dealId: deal.id, from: null, to: stageId, at: now });
      for (const link of parsed.links) await putLink(ctx, deal.id, link);
      return deal;
    },
  );
}

export async function updateDeal(ctx: StoreContext, input: UpdateDealInput): Promise<Deal> {
  const { id, patch } = validated('update', updateDealInput, input);
  return mutateDeal(ctx, id, (deal) => ({ ...deal, ...patch }));
}

/**
 * Deletes a deal with its links, touches, history and objections. Refused unless the caller confirms,
 * and the refusal says what would go, so the UI can ask the rep.
 */
export async function deleteDeal(ctx: StoreContext, id: string, confirm: boolean): Promise<void> {
  const { db } = ctx;
  const tables = [db.deals, db.links, db.touches, db.stageHistory, db.objections];
  await db.transaction('rw', tables, async () => {
    await requireDeal(ctx, id);
    if (!confirm) {
      const links = await db.links.where('dealId').equals(id).count();
      const touches = await rowsOfDeal(db.touches, id).count();
      throw new StorageError(
        'confirm-required',
        `Deleting this deal also removes its ${links} links and ${touches} touches`,
        { links, touches },
      );
    }
    await db.links.where('dealId').equals(id).delete();
    await rowsOfDeal(db.touches, id).delete();
    await rowsOfDeal(db.stageHistory, id).delete();
    await db.objections.where('[dealId+createdAt]').between([id, 0], [id, Infinity]).delete();
    await db.deals.delete(id);
  });
}

/** Moves an open deal to another stage and writes the change to its stage history. */
export function moveStage(ctx: StoreContext, dealId: string, stageId: string): Promise<Deal> {
  const { db } = ctx;
  return mutateDeal(
    ctx,
    dealId,
    async (deal) => {
      const settings = await getSettings(ctx);
      if (!settings.stages.some((stage) => stage.id === stageId)) {
        throw new StorageError('invalid', `stageId: no stage "${stageId}" in the pipeline`, {
          field: 'stageId',
        });
      }
      if (deal.stageId === stageId) return deal;
      const at = ctx.now();
      await db.stageHistory.add({ dealId, from: deal.stageId, to: stageId, at });
      return { ...deal, stageId, stageChangedAt: at };
    },
    [db.stageHistory, db.settings],
  );
}

export async function setBant(ctx: StoreContext, input: SetBantInput): Promise<Deal> {
  const { dealId, key, state, note } = validated('bant', setBantInput, input);
  return mutateDeal(ctx, dealId, (deal) => ({
    ...deal,
    bant: { ...deal.bant, [key]: { state, note: note ?? deal.bant[key].note } },
  }));
}

export function tickExitItem(
  ctx: StoreContext,
  dealId: string,
  itemId: string,
  checked: boolean,
): Promise<Deal> {
  return mutateDeal(ctx, dealId, (deal) => {
    const others = deal.checkedExitItems.filter((id) => id !== itemId);
    return { ...deal, checkedExitItems: checked ? [...others, itemId] : others };
  });
}

/** Snoozes reminders until a time; null clears the snooze. */
export function snoozeDeal(ctx: StoreContext, dealId: string, until: number | null): Promise<Deal> {
  return mutateDeal(ctx, dealId, (deal) => ({ ...deal, snoozedUntil: until }));
}

export async function closeDeal(ctx: StoreContext, input: CloseDealInput): Promise<Deal> {
  const { dealId, status, reason } = validated('close', closeDealInput, input);
  return mutateDeal(ctx, dealId, (deal) => ({
    ...deal,
    status,
    closeReason: reason,
    closedAt: ctx.now(),
    snoozedUntil: null,
    // A closed deal is owed nothing; reopening works the promises out again.
    answerDueAt: null,
  }));
}

export function reopenDeal(ctx: StoreContext, dealId: string): Promise<Deal> {
  return mutateDeal(
    ctx,
    dealId,
    async (deal) => ({
      ...deal,
      status: 'open',
      closeReason: '',
      closedAt: null,
      // Reopening is movement: the cadence starts over from now.
      stageChangedAt: ctx.now(),
      answerDueAt: earliestAnswerDue(await objectionsOfDeal(ctx, dealId)),
    }),
    [ctx.db.objections],
  );
}
