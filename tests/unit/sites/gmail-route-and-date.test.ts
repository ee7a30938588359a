import { describe, expect, it } from 'vitest';
import { parseGmailDate } from '../../../sites/gmail/parse-date';
import { parseGmailRoute } from '../../../sites/gmail/route';

const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).getTime();

describe('Gmail dates', () => {
  it('reads the English, Turkish and Finnish titles', () => {
    expect(parseGmailDate('Tue, Nov 17, 2026, 9:14 AM')).toBe(local(2026, 11, 17, 9, 14));
    expect(parseGmailDate('Thu, Nov 19, 2026, 4:45\u202fPM')).toBe(local(2026, 11, 19, 16, 45));
    expect(parseGmailDate('Nov 1, 2026, 12:05 AM')).toBe(local(2026, 11, 1, 0, 5));
    expect(parseGmailDate('17 Kas 2026 Sal 14:03')).toBe(local(2026, 11, 17, 14, 3));
    expect(parseGmailDate('3 Ağu 2026 Pzt 09:30')).toBe(local(2026, 8, 3, 9, 30));
    expect(parseGmailDate('ti 17.11.2026 klo 14.03')).toBe(local(2026, 11, 17, 14, 3));
    expect(parseGmailDate('17. marraskuuta 2026 klo 8.05')).toBe(local(2026, 11, 17, 8, 5));
  });

  it('gives up on what is not a full date', () => {
    expect(parseGmailDate('Nov 17')).toBeNull();
    expect(parseGmailDate('9:14 AM')).toBeNull();
    expect(parseGmailDate('')).toBeNull();
    expect(parseGmailDate('Feb 30, 2026, 9:00 AM')).toBeNull();
  });
});

describe('Gmail routes', () => {
  it('finds the account index, the view and an open conversation', () => {
    expect(parseGmailRoute({ pathname: '/mail/u/0/', hash: '#inbox' })).toEqual({
      accountIndex: 0,
      view: 'inbox',
      threadToken: null,
    });
    expect(
      parseGmailRoute({ pathname: '/mail/u/1/', hash: '#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC' }),
    ).toEqual({
      accountIndex: 1,
      view: 'inbox',
      threadToken: 'FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC',
    });
    expect(
      parseGmailRoute({
        pathname: '/mail/u/0/',
        hash: '#label/Work/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC',
      })?.view,
    ).toBe('label/Work');
    expect(
      parseGmailRoute({
        pathname: '/mail/u/0/',
        hash: '#search/acme/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC?compose=new',
      })?.threadToken,
    ).toBe('FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC');
    expect(parseGmailRoute({ pathname: '/mail/u/0/', hash: '#inbox/p2' })?.threadToken).toBeNull();
    expect(
      parseGmailRoute({ pathname: '/mail/u/0/', hash: '#label/Customers' })?.threadToken,
    ).toBeNull();
    expect(
      parseGmailRoute({ pathname: '/mail/u/0/', hash: '#sent/18d4c2a7f9b0e1a2' })?.threadToken,
    ).toBe('18d4c2a7f9b0e1a2');
    expect(parseGmailRoute({ pathname: '/mail/', hash: '' })).toEqual({
      accountIndex: 0,
      view: 'inbox',
      threadToken: null,
    });
    expect(parseGmailRoute({ pathname: '/calendar/', hash: '' })).toBeNull();
  });

  it('tells thread tokens from long label names, searches and categories', () => {
    const route = (hash: string) => parseGmailRoute({ pathname: '/mail/u/0/', hash });
    // Label names with dashes and digits are long but are not threads.
    expect(route('#label/Customer-Onboarding-2025')).toMatchObject({
      view: 'label/Customer-Onboarding-2025',
      threadToken: null,
    });
    expect(route('#label/Clients%2FNordic+Accounts+Q4')?.threadToken).toBeNull();
    expect(
      route('#label/Clients%2FNordic+Accounts+Q4/KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC'),
    ).toMatchObject({
      view: 'label/Clients%2FNordic+Accounts+Q4',
      threadToken: 'KtbxLxgZcRmQvWnJbPhTsDfKlMqXzBvC',
    });
    expect(route('#category/promotions/QgrcJHrnscxWbhlxgWrbmwlBGKfCSlpZtHq')?.threadToken).toBe(
      'QgrcJHrnscxWbhlxgWrbmwlBGKfCSlpZtHq',
    );
    expect(route('#category/promotions')?.threadToken).toBeNull();
    expect(route('#search/pricing+annual+plan')?.threadToken).toBeNull();
    expect(route('#search/in%3Asent+acme/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC')?.view).toBe(
      'search/in%3Asent+acme',
    );
    expect(route('#inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC/p2')?.threadToken).toBeNull();
  });
});
