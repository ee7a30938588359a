import { describe, expect, it } from 'vitest';
import { readRoute } from '../../../components/dashboard/route';

describe('the dashboard’s address', () => {
  it('names one view, the queue by default', () => {
    expect(readRoute('#board')).toEqual({ view: 'board' });
    expect(readRoute('#data')).toEqual({ view: 'data' });
    expect(readRoute('#objections')).toEqual({ view: 'objections' });
    expect(readRoute('')).toEqual({ view: 'queue' });
    expect(readRoute('#nonsense')).toEqual({ view: 'queue' });
  });

  it('names a deal by its id, decoded', () => {
    expect(readRoute('#deal/3f2a-9')).toEqual({ dealId: '3f2a-9' });
    expect(readRoute(`#deal/${encodeURIComponent('Yılmaz/ä %')}`)).toEqual({
      dealId: 'Yılmaz/ä %',
    });
  });

  it('names no deal, and throws nothing, when the id does not decode', () => {
    for (const hash of [
      '#deal/%E0%A4%A',
      '#deal/%',
      '#deal/%ZZ',
      '#deal/abc%E0',
      '#deal/%C0%80',
      '#deal/%ED%A0%80',
    ]) {
      expect(readRoute(hash)).toEqual({ dealId: null });
    }
  });
});
