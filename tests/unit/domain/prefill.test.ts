import { describe, expect, it } from 'vitest';
import {
  companyFromEmail,
  dealDraftFromThread,
  firstOutsideParticipant,
  titleFromSubject,
} from '../../../domain/prefill';

describe('prefill from a thread', () => {
  it('strips reply and forward markers in English, Turkish and Finnish', () => {
    expect(titleFromSubject('Re: Pricing for 40 seats')).toBe('Pricing for 40 seats');
    expect(titleFromSubject('RE: Fwd: re: Pricing')).toBe('Pricing');
    expect(titleFromSubject('Ynt: Teklif')).toBe('Teklif');
    expect(titleFromSubject('İlt: Teklif')).toBe('Teklif');
    expect(titleFromSubject('VS: Tarjous')).toBe('Tarjous');
    expect(titleFromSubject('VL: Tarjous')).toBe('Tarjous');
    expect(titleFromSubject('Re[2]: Quote')).toBe('Quote');
    expect(titleFromSubject('Retail pricing')).toBe('Retail pricing');
  });

  it('names the company after the address’s domain, but not for free mail', () => {
    expect(companyFromEmail('aino.virtanen@acme.fi')).toBe('Acme');
    expect(companyFromEmail('kerem@anadolu-lojistik.com.tr')).toBe('Anadolu Lojistik');
    expect(companyFromEmail('pekka@mail.globex.com')).toBe('Globex');
    expect(companyFromEmail('someone@gmail.com')).toBe('');
    expect(companyFromEmail('someone@hotmail.com.tr')).toBe('');
  });

  it('takes the first outside participant, skipping the rep’s own colleagues', () => {
    const people = [
      { name: 'Colleague', email: 'boss@northwind.fi' },
      { name: 'Aino Virtanen', email: 'aino.virtanen@acme.fi' },
    ];
    expect(firstOutsideParticipant(people, 'maria.rep@northwind.fi')?.name).toBe('Aino Virtanen');
    expect(
      dealDraftFromThread('Re: Pricing for 40 seats', people, 'maria.rep@northwind.fi'),
    ).toEqual({
      title: 'Pricing for 40 seats',
      company: 'Acme',
      contact: { name: 'Aino Virtanen', email: 'aino.virtanen@acme.fi' },
    });
    expect(dealDraftFromThread('Hi', [], 'maria.rep@northwind.fi')).toEqual({
      title: 'Hi',
      company: '',
      contact: null,
    });
    // A rep on free mail has no colleagues to skip.
    expect(
      firstOutsideParticipant([{ name: 'X', email: 'x@gmail.com' }], 'me@gmail.com')?.email,
    ).toBe('x@gmail.com');
  });
});
