import { describe, expect, it } from 'vitest';
import {
  deletionNotice,
  isDeleted,
  mergeAll,
  mergeRecords,
  stampLocalEdit,
  valuesOf,
  type SyncRecord,
} from '../../../domain/sync-merge';

const field = (v: unknown, at: number, by: string) => ({ v, at, by });

const base: SyncRecord = {
  fields: {
    title: field('Acme renewal', 100, 'laptop'),
    value: field(5_000, 100, 'laptop'),
    notes: field('', 100, 'laptop'),
  },
  deleted: null,
};

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('merging a deal edited in two browsers', () => {
  const laptop = stampLocalEdit(
    'deal',
    base,
    { ...valuesOf(base), title: 'Acme renewal 2027' },
    {
      at: 200,
      by: 'laptop',
    },
  )!;
  const desktop = stampLocalEdit(
    'deal',
    base,
    { ...valuesOf(base), value: 7_500 },
    {
      at: 150,
      by: 'desktop',
    },
  )!;
  const later = stampLocalEdit(
    'deal',
    base,
    { ...valuesOf(base), value: 9_000 },
    {
      at: 300,
      by: 'phone',
    },
  )!;

  it('keeps each field from its latest edit: both edits survive', () => {
    const merged = valuesOf(mergeRecords(laptop, desktop));
    expect(merged).toEqual({ title: 'Acme renewal 2027', value: 7_500, notes: '' });
  });

  it('gives every replica the same record whatever order the versions arrive in', () => {
    const results = permutations([base, laptop, desktop, later]).map((order) =>
      JSON.stringify(mergeAll(order)),
    );
    expect(new Set(results).size).toBe(1);
    expect(valuesOf(mergeAll([base, laptop, desktop, later]))).toMatchObject({
      title: 'Acme renewal 2027',
      value: 9_000,
    });
  });

  it('breaks a tie of the same millisecond the same way on both sides', () => {
    const a = stampLocalEdit(
      'deal',
      base,
      { ...valuesOf(base), notes: 'call Ayşe' },
      {
        at: 500,
        by: 'a',
      },
    )!;
    const b = stampLocalEdit(
      'deal',
      base,
      { ...valuesOf(base), notes: 'call Mikko' },
      {
        at: 500,
        by: 'b',
      },
    )!;
    expect(valuesOf(mergeRecords(a, b)).notes).toBe('call Mikko');
    expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
  });

  it('merging a version with itself changes nothing', () => {
    expect(mergeRecords(laptop, laptop)).toEqual(
      mergeRecords(laptop, { fields: {}, deleted: null }),
    );
  });
});

describe('deletions', () => {
  const deleted = stampLocalEdit('deal', base, null, { at: 400, by: 'desktop' })!;

  it('a deletion holds against edits made before it, and the rep who had it is told', () => {
    const editedBefore = stampLocalEdit(
      'deal',
      base,
      { ...valuesOf(base), value: 1 },
      {
        at: 300,
        by: 'laptop',
      },
    )!;
    const merged = mergeRecords(editedBefore, deleted);
    expect(isDeleted(merged)).toBe(true);
    expect(deletionNotice(editedBefore, merged)).toBe('deleted-by-teammate');
  });

  it('an edit made after the deletion keeps the deal, and the rep who deleted it is told', () => {
    const editedAfter = stampLocalEdit(
      'deal',
      base,
      { ...valuesOf(base), value: 2 },
      {
        at: 450,
        by: 'laptop',
      },
    )!;
    const merged = mergeRecords(deleted, editedAfter);
    expect(isDeleted(merged)).toBe(false);
    expect(valuesOf(merged).value).toBe(2);
    expect(deletionNotice(deleted, merged)).toBe('kept-after-deletion');
    expect(deletionNotice(editedAfter, merged)).toBeNull();
  });

  it('re-creating a deleted record stamps all its fields after the deletion', () => {
    const revived = stampLocalEdit('deal', deleted, valuesOf(base), { at: 500, by: 'desktop' })!;
    expect(isDeleted(revived)).toBe(false);
  });
});

describe('touches are append-only', () => {
  const touch = { dealId: 'd1', channel: 'email', at: 100, sourceKey: 'gmail:msg-f:1' };

  it('a touch already shared is never re-stamped nor deleted', () => {
    const first = stampLocalEdit('touch', null, touch, { at: 100, by: 'a' })!;
    expect(stampLocalEdit('touch', first, { ...touch, at: 999 }, { at: 200, by: 'b' })).toBeNull();
    expect(stampLocalEdit('touch', first, null, { at: 200, by: 'b' })).toBeNull();
  });

  it('the same message recorded in two browsers merges into one record', () => {
    const a = stampLocalEdit('touch', null, { ...touch, id: 'local-a' }, { at: 100, by: 'a' })!;
    const b = stampLocalEdit('touch', null, { ...touch, id: 'local-b' }, { at: 105, by: 'b' })!;
    expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
    expect(valuesOf(mergeRecords(a, b)).sourceKey).toBe('gmail:msg-f:1');
  });
});

it('an unchanged record stamps nothing', () => {
  expect(stampLocalEdit('deal', base, valuesOf(base), { at: 900, by: 'x' })).toBeNull();
});
