import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../../background/router';
import { getSettings } from '../../../storage/settings';
import { testStore } from '../storage/test-store';
import { DASHBOARD, routerOptions } from './router-options';

describe('settings and the pipeline, written through requests', () => {
  const setup = () => {
    const ctx = testStore();
    const options = routerOptions(ctx);
    return { ctx, ask: (message: unknown) => handleMessage(message, DASHBOARD, options) };
  };

  it('changes only what a settings patch names, and keeps the rest', async () => {
    const { ctx, ask } = setup();
    expect(await ask({ type: 'settings.update', patch: { linkedinAutoLink: true } })).toMatchObject(
      { ok: true, data: { linkedinAutoLink: true } },
    );
    await ask({ type: 'settings.update', patch: { theme: 'dark' } });
    expect(await getSettings(ctx)).toMatchObject({ theme: 'dark', linkedinAutoLink: true });
  });

  it('refuses a patch with a field it does not know or a value out of range, and changes nothing', async () => {
    const { ctx, ask } = setup();
    const before = await getSettings(ctx);
    for (const patch of [
      { stages: [] },
      { cadence: { dueAfterDays: 5, overdueAfterDays: 2, businessDays: true } },
      { language: 'de' },
    ]) {
      expect(await ask({ type: 'settings.update', patch })).toMatchObject({
        ok: false,
        error: { code: 'malformed' },
      });
    }
    expect(await getSettings(ctx)).toEqual(before);
  });

  it('saves an edited pipeline, moving the deals of a removed stage where the rep says', async () => {
    const { ctx, ask } = setup();
    const created = await ask({
      type: 'deal.create',
      input: { title: 'Acme', stageId: 'proposal' },
    });
    if (!created.ok) throw new Error(created.error.message);
    const { stages } = await getSettings(ctx);
    const kept = stages.filter((s) => s.id !== 'proposal');
    expect(
      await ask({ type: 'pipeline.save', input: { stages: kept, movesTo: {} } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', details: { field: 'movesTo.proposal' } },
    });
    expect(
      await ask({
        type: 'pipeline.save',
        input: { stages: kept, movesTo: { proposal: 'qualification' } },
      }),
    ).toMatchObject({ ok: true });
    expect((await ctx.db.deals.toArray())[0]?.stageId).toBe('qualification');
  });
});
