import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../../components/dashboard/newest-first';
import { newDealRecord } from '../../../storage/deal-record';
import { testStore } from '../storage/test-store';

describe('newestFirst', () => {
  it('puts open deals in the order the updatedAt index gives read backwards, ties included', async () => {
    const store = testStore();
    // Ids chosen so that code-unit order differs from natural and locale order.
    const ids = ['deal-10', 'deal-9', 'Deal-2', 'deal-2', 'deal-a', 'deal-B', 'ä-deal', 'z'];
    const deals = ids.map((id, i) => ({
      ...newDealRecord({
        id,
        title: id,
        company: '',
        value: 0,
        currency: 'EUR',
        stageId: 'prospecting',
        expectedClose: null,
        notes: '',
        contactIds: [],
        now: 1_000,
      }),
      // Three deals share each update time, so the tie-break decides most of the order.
      updatedAt: 1_000 + (i % 3),
    }));
    await store.db.deals.bulkAdd(deals);
    const fromIndex = (await store.db.deals.orderBy('updatedAt').reverse().toArray()).map(
      (d) => d.id,
    );
    const sorted = newestFirst(await store.db.deals.where('status').equals('open').toArray()).map(
      (d) => d.id,
    );
    expect(sorted).toEqual(fromIndex);
    // Lower case sorts after upper case by code unit: the latest pair, greater id first.
    expect(sorted.slice(0, 2)).toEqual(['deal-B', 'Deal-2']);
  });

  it('leaves the array it was given as it was', () => {
    const a = newDealRecord({
      id: 'a',
      title: 'a',
      company: '',
      value: 0,
      currency: 'EUR',
      stageId: 'prospecting',
      expectedClose: null,
      notes: '',
      contactIds: [],
      now: 1,
    });
    const b = { ...a, id: 'b', updatedAt: 2 };
    const input = Object.freeze([a, b]);
    expect(newestFirst(input).map((d) => d.id)).toEqual(['b', 'a']);
    expect(input.map((d) => d.id)).toEqual(['a', 'b']);
  });
});
