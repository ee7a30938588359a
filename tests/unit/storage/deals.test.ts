import { describe, expect, it } from 'vitest';
import {
  closeDeal,
  createDeal,
  deleteDeal,
  moveStage,
  reopenDeal,
  setBant,
  snoozeDeal,
  tickExitItem,
  updateDeal,
} from '../../../storage/deals';
import { StorageError } from '../../../storage/errors';
import { findLink, linkKey, linkToDeal, unlink } from '../../../storage/links';
import { recordTouch } from '../../../storage/touches';
import { DAY, testStore } from './test-store';

const thread = {
  kind: 'gmail-thread' as const,
  account: 'Rep@Example.com',
  externalId: 'thread-f:1790000000000000001',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ',
  label: 'Pricing for 40 seats',
};

async function refusal(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('deals', () => {
  it('creates a deal in the first stage with its contact and thread link, all at once', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, {
      title: 'Acme: 40 seats',
      company: 'Acme',
      value: 12_000,
      newContacts: [{ name: 'Ada Lovelace', email: 'Ada@Acme.io' }],
      links: [thread],
    });
    expect(deal.stageId).toBe('prospecting');
    expect(deal.status).toBe('open');
    expect(deal.currency).toBe('EUR');
    const contacts = await ctx.db.contacts.toArray();
    expect(contacts).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', email: 'ada@acme.io' }),
    ]);
    expect(deal.contactIds).toEqual([contacts[0]!.id]);
    const link = await findLink(ctx, 'gmail:rep@example.com:thread-f:1790000000000000001');
    expect(link?.dealId).toBe(deal.id);
    expect(await ctx.db.stageHistory.where('dealId').equals(deal.id).toArray()).toEqual([
      expect.objectContaining({ from: null, to: 'prospecting', at: ctx.clock.now }),
    ]);
  });

  it('refuses an invalid write, names the field, and leaves nothing behind', async () => {
    const ctx = testStore();
    const error = await refusal(
      createDeal(ctx, { title: 'Fine', newContacts: [{ name: 'X', email: 'not-an-address' }] }),
    );
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('deal.newContacts.0.email');
    expect((await refusal(createDeal(ctx, { title: '   ' }))).message).toContain('deal.title');
    expect((await refusal(createDeal(ctx, { title: 'X', value: -5 }))).message).toContain(
      'deal.value',
    );
    expect(await ctx.db.deals.count()).toBe(0);
    expect(await ctx.db.contacts.count()).toBe(0);
  });

  it('rolls back the whole deal when one of its links is taken', async () => {
    const ctx = testStore();
    const first = await createDeal(ctx, { title: 'First', links: [thread] });
    const error = await refusal(
      createDeal(ctx, { title: 'Second', newContacts: [{ name: 'B' }], links: [thread] }),
    );
    expect(error.code).toBe('already-linked');
    expect(error.message).toContain('"First"');
    expect(error.details.dealId).toBe(first.id);
    expect(await ctx.db.deals.count()).toBe(1);
    expect(await ctx.db.contacts.count()).toBe(0);
  });

  it('links a thread to at most one deal, and says to which', async () => {
    const ctx = testStore();
    const a = await createDeal(ctx, { title: 'Alpha' });
    const b = await createDeal(ctx, { title: 'Beta' });
    await linkToDeal(ctx, a.id, thread);
    await linkToDeal(ctx, a.id, thread); // linking again to the same deal changes nothing
    const error = await refusal(linkToDeal(ctx, b.id, thread));
    expect(error.message).toBe('This is already linked to the deal "Alpha"');
    await unlink(ctx, linkKey({ ...thread, account: 'rep@example.com' }));
    await linkToDeal(ctx, b.id, thread);
    expect((await ctx.db.links.toArray()).map((l) => l.dealId)).toEqual([b.id]);
  });

  it('deletes only after confirmation, taking links, touches and history with it', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Doomed', links: [thread] });
    const keep = await createDeal(ctx, { title: 'Kept' });
    await recordTouch(ctx, {
      dealId: deal.id,
      channel: 'email',
      direction: 'outbound',
      at: ctx.now(),
    });
    await recordTouch(ctx, {
      dealId: keep.id,
      channel: 'call',
      direction: 'outbound',
      at: ctx.now(),
    });
    const error = await refusal(deleteDeal(ctx, deal.id, false));
    expect(error.code).toBe('confirm-required');
    expect(error.message).toBe('Deleting this deal also removes its 1 links and 1 touches');
    expect(await ctx.db.deals.count()).toBe(2);
    await deleteDeal(ctx, deal.id, true);
    expect((await ctx.db.deals.toArray()).map((d) => d.title)).toEqual(['Kept']);
    expect(await ctx.db.links.count()).toBe(0);
    expect((await ctx.db.touches.toArray()).map((t) => t.dealId)).toEqual([keep.id]);
    expect(await ctx.db.stageHistory.where('dealId').equals(deal.id).count()).toBe(0);
  });

  it('moves stages with a timed history and refuses a stage that does not exist', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Mover' });
    ctx.tick(2 * DAY);
    const moved = await moveStage(ctx, deal.id, 'qualification');
    expect(moved.stageId).toBe('qualification');
    expect(moved.stageChangedAt).toBe(ctx.clock.now);
    expect(moved.lastMovementAt).toBe(ctx.clock.now);
    const history = await ctx.db.stageHistory.where('dealId').equals(deal.id).sortBy('at');
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, 'prospecting'],
      ['prospecting', 'qualification'],
    ]);
    expect((await refusal(moveStage(ctx, deal.id, 'nowhere'))).message).toContain('nowhere');
  });

  it('keeps BANT, exit checklist, snooze, close and reopen on the record', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Qualify me' });
    await setBant(ctx, {
      dealId: deal.id,
      key: 'budget',
      state: 'confirmed',
      note: '50k set aside',
    });
    await setBant(ctx, { dealId: deal.id, key: 'authority', state: 'missing' });
    await tickExitItem(ctx, deal.id, 'prospecting.1', true);
    await tickExitItem(ctx, deal.id, 'prospecting.2', true);
    await tickExitItem(ctx, deal.id, 'prospecting.1', false);
    const until = ctx.now() + 3 * DAY;
    let current = await snoozeDeal(ctx, deal.id, until);
    expect(current.bant.budget).toEqual({ state: 'confirmed', note: '50k set aside' });
    expect(current.bant.authority.state).toBe('missing');
    expect(current.checkedExitItems).toEqual(['prospecting.2']);
    expect(current.snoozedUntil).toBe(until);
    current = await closeDeal(ctx, {
      dealId: deal.id,
      status: 'disqualified',
      reason: 'No budget holder',
    });
    expect(current).toMatchObject({
      status: 'disqualified',
      closeReason: 'No budget holder',
      snoozedUntil: null,
    });
    expect(current.closedAt).toBe(ctx.now());
    ctx.tick(DAY);
    current = await reopenDeal(ctx, deal.id);
    expect(current).toMatchObject({ status: 'open', closedAt: null, closeReason: '' });
    expect(current.lastMovementAt).toBe(ctx.now());
  });

  it('updates only the fields it is given and refuses unknown ones', async () => {
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'Old', company: 'Acme', value: 100 });
    const updated = await updateDeal(ctx, { id: deal.id, patch: { title: 'New', value: 250 } });
    expect(updated).toMatchObject({ title: 'New', company: 'Acme', value: 250 });
    const error = await refusal(
      updateDeal(ctx, { id: deal.id, patch: { status: 'won' } as never }),
    );
    expect(error.message).toContain('update.patch');
    expect((await refusal(updateDeal(ctx, { id: 'missing', patch: {} }))).code).toBe('not-found');
  });
});

describe('prospects from LinkedIn', () => {
  const profile = {
    name: 'Aino Virtanen',
    company: 'Acme',
    headline: 'Head of Operations',
    location: 'Helsinki',
    linkedinUrl: 'https://www.linkedin.com/in/aino-virtanen/',
  };

  it('adds the person and a first-stage deal linked to the profile', async () => {
    const { addProspect } = await import('../../../storage/prospects');
    const ctx = testStore();
    const deal = await addProspect(ctx, {
      contact: profile,
      slug: 'aino-virtanen',
      notes: 'Met at Slush',
    });
    expect(deal).toMatchObject({
      title: 'Acme: Aino Virtanen',
      company: 'Acme',
      stageId: 'prospecting',
      notes: 'Met at Slush',
    });
    expect((await findLink(ctx, 'linkedin-profile:aino-virtanen'))?.dealId).toBe(deal.id);
    expect(await ctx.db.contacts.toArray()).toEqual([
      expect.objectContaining({
        name: 'Aino Virtanen',
        linkedinUrl: profile.linkedinUrl,
        headline: 'Head of Operations',
      }),
    ]);
  });

  it('finds the contact a Gmail thread made and merges instead of duplicating', async () => {
    const { addProspect, findSameContact } = await import('../../../storage/prospects');
    const ctx = testStore();
    const fromGmail = await createDeal(ctx, {
      title: 'Pricing',
      company: 'Acme',
      newContacts: [{ name: 'Aino Virtanen', email: 'aino@acme.fi', company: 'ACME' }],
    });
    const match = await findSameContact(ctx, {
      name: 'aino virtanen',
      company: 'Acme',
      linkedinUrl: profile.linkedinUrl,
    });
    expect(match?.contact.email).toBe('aino@acme.fi');
    expect(match?.deals.map((d) => d.id)).toEqual([fromGmail.id]);
    await addProspect(ctx, {
      contact: profile,
      slug: 'aino-virtanen',
      mergeInto: match!.contact.id,
    });
    const contacts = await ctx.db.contacts.toArray();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      email: 'aino@acme.fi',
      linkedinUrl: profile.linkedinUrl,
      headline: 'Head of Operations',
      company: 'ACME',
    });
    // Now the profile address alone finds her.
    expect(
      (await findSameContact(ctx, { name: '', company: '', linkedinUrl: profile.linkedinUrl }))
        ?.contact.id,
    ).toBe(contacts[0]!.id);
  });

  it('keeps a profile address unique', async () => {
    const { addProspect } = await import('../../../storage/prospects');
    const ctx = testStore();
    await addProspect(ctx, { contact: profile, slug: 'aino-virtanen' });
    await expect(
      addProspect(ctx, { contact: { ...profile, name: 'Someone Else' }, slug: 'aino-virtanen' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await ctx.db.contacts.count()).toBe(1);
  });
});

describe('editing the pipeline', () => {
  it('renames, reorders and removes stages, moving the removed stage’s deals where the rep says', async () => {
    const { savePipeline } = await import('../../../storage/pipeline');
    const { getSettings } = await import('../../../storage/settings');
    const ctx = testStore();
    const deal = await createDeal(ctx, { title: 'In negotiation', stageId: 'negotiation' });
    const { stages } = await getSettings(ctx);
    const edited = stages
      .filter((s) => s.id !== 'negotiation')
      .map((s) => (s.id === 'qualification' ? { ...s, name: 'Discovery call' } : s));
    await expect(savePipeline(ctx, edited, {})).rejects.toMatchObject({
      message: 'Choose where the 1 deals in "Negotiation" go',
    });
    expect((await getSettings(ctx)).stages).toHaveLength(7);
    ctx.tick(DAY);
    const saved = await savePipeline(ctx, edited, { negotiation: 'closing' });
    expect(saved.stages.map((s) => s.name)).toEqual([
      'Prospecting',
      'Discovery call',
      'Initial contact',
      'Needs assessment',
      'Proposal',
      'Closing',
    ]);
    const moved = await ctx.db.deals.get(deal.id);
    expect(moved).toMatchObject({ stageId: 'closing', stageChangedAt: ctx.now() });
    expect(
      (await ctx.db.stageHistory.where('dealId').equals(deal.id).toArray()).at(-1),
    ).toMatchObject({ from: 'negotiation', to: 'closing' });
    await expect(savePipeline(ctx, [], {})).rejects.toMatchObject({
      message: 'A pipeline needs at least one stage',
    });
  });
});
