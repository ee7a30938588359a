import { describe, expect, it } from 'vitest';
import { pipelineMetrics } from '../../../domain/metrics';
import { ThreadlineDB, storeContext } from '../../../storage/db';
import { closeDeal, createDeal, moveStage, snoozeDeal, updateDeal } from '../../../storage/deals';
import { metricsFacts, openDealCards, openDeals, scanDue } from '../../../storage/queries';
import { readSettings, updateSettings } from '../../../storage/settings';
import { recordTouch } from '../../../storage/touches';

/** Two connections to one database, as the dashboard in one tab and the worker or another tab. */
function twoTabs() {
  const name = `threadline-cached-${Math.random()}`;
  const now = () => Date.UTC(2026, 10, 20);
  return {
    dashboard: storeContext(new ThreadlineDB(name), now),
    other: storeContext(new ThreadlineDB(name), now),
  };
}

describe('cached reads', () => {
  it('are read once while nothing changes', async () => {
    const { dashboard } = twoTabs();
    await createDeal(dashboard, { title: 'A', value: 100 });
    const first = await metricsFacts(dashboard);
    expect(await metricsFacts(dashboard)).toBe(first);
    const open = await openDeals(dashboard);
    expect(await openDeals(dashboard)).toBe(open);
    const cards = await openDealCards(dashboard);
    expect(await openDealCards(dashboard)).toBe(cards);
  });

  it('change when another tab writes: the metrics and the board follow a deal won there', async () => {
    const { dashboard, other } = twoTabs();
    const a = await createDeal(other, { title: 'A', value: 100 });
    const b = await createDeal(other, { title: 'B', value: 300 });
    const settings = await readSettings(dashboard);
    const metrics = async () =>
      pipelineMetrics(
        (await metricsFacts(dashboard)).deals,
        (await metricsFacts(dashboard)).history,
        settings.stages,
        Date.UTC(2026, 10, 21),
      );

    expect((await metrics()).winRate).toBeNull();
    expect((await openDealCards(dashboard)).map((d) => d.title).sort()).toEqual(['A', 'B']);

    await closeDeal(other, { dealId: a.id, status: 'won' });
    expect((await metrics()).winRate).toBe(1);
    expect((await metrics()).averageDealSize).toBe(100);
    expect((await openDealCards(dashboard)).map((d) => d.title)).toEqual(['B']);

    await updateDeal(other, { id: b.id, patch: { title: 'B renamed' } });
    expect((await openDealCards(dashboard)).map((d) => d.title)).toEqual(['B renamed']);
    // A touch logged there moves the card's follow-up facts here.
    await recordTouch(other, { dealId: b.id, channel: 'email', direction: 'outbound', at: 5 });
    expect((await openDealCards(dashboard))[0]).toMatchObject({ lastTouchDirection: 'outbound' });

    // A stage change feeds the conversion figures through the stage history.
    const before = (await metrics()).stageConversion[1]!.reached;
    await moveStage(other, b.id, settings.stages[2]!.id);
    expect((await metrics()).stageConversion[1]!.reached).toBe(before + 1);
  });

  it('leave the due scan (not cached) right when another tab touches, snoozes, closes or changes the cadence', async () => {
    const name = `threadline-cached-${Math.random()}`;
    const clock = { now: Date.UTC(2026, 10, 2, 9) }; // Monday
    const worker = storeContext(new ThreadlineDB(name), () => clock.now);
    const tab = storeContext(new ThreadlineDB(name), () => clock.now);
    const a = await createDeal(tab, { title: 'A' });
    const b = await createDeal(tab, { title: 'B' });
    const c = await createDeal(tab, { title: 'C' });
    expect(await scanDue(worker)).toEqual({ overdue: [], due: [] });

    // Time alone moves deals along the cached list: no write, and still right.
    clock.now += 3 * 86_400_000 + 60_000;
    expect((await scanDue(worker)).due.sort()).toEqual([a.id, b.id, c.id].sort());
    clock.now += 2 * 86_400_000;
    expect((await scanDue(worker)).overdue.sort()).toEqual([a.id, b.id, c.id].sort());

    await recordTouch(tab, { dealId: a.id, channel: 'email', direction: 'inbound', at: clock.now });
    await snoozeDeal(tab, b.id, clock.now + 86_400_000);
    expect(await scanDue(worker)).toEqual({ overdue: [c.id], due: [] });

    await closeDeal(tab, { dealId: c.id, status: 'lost' });
    expect(await scanDue(worker)).toEqual({ overdue: [], due: [] });

    clock.now += 86_400_000 + 60_000; // the snooze ends
    expect(await scanDue(worker)).toEqual({ overdue: [b.id], due: [] });
    await updateSettings(tab, {
      cadence: { dueAfterDays: 3, overdueAfterDays: 10, businessDays: false },
    });
    expect(await scanDue(worker)).toEqual({ overdue: [], due: [b.id] });
  });

  it('hands out records no caller can change for the others', async () => {
    const { dashboard } = twoTabs();
    await createDeal(dashboard, { title: 'A' });
    const [deal] = await openDeals(dashboard);
    expect(Object.isFrozen(deal)).toBe(true);
    expect(Object.isFrozen(await openDeals(dashboard))).toBe(true);
    const [card] = await openDealCards(dashboard);
    expect(Object.isFrozen(card)).toBe(true);
    expect(Object.isFrozen(await openDealCards(dashboard))).toBe(true);
  });
});
