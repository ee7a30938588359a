import { describe, expect, it } from 'vitest';
import { companyDomain, normalizedCompany, sameCompany } from '../../../domain/company-match';

describe('two deals for one company', () => {
  it('sets case, accents, punctuation and legal forms aside in a company name', () => {
    expect(normalizedCompany('Initech Oy')).toBe('initech');
    expect(normalizedCompany('INITECH, Inc.')).toBe('initech');
    expect(normalizedCompany('Anadolu Lojistik San. ve Tic. Ltd. Şti.')).toBe('anadolu lojistik');
    expect(normalizedCompany('Yılmaz Tekstil A.Ş.')).toBe('yilmaz tekstil');
    expect(normalizedCompany('YILMAZ TEKSTİL')).toBe('yilmaz tekstil');
    expect(normalizedCompany('Kesko Oyj')).toBe('kesko');
    expect(normalizedCompany('Mäkelä & Co')).toBe('makela');
    // A name that is only a legal form is still a name.
    expect(normalizedCompany('AB')).toBe('ab');
    expect(normalizedCompany('  ')).toBe('');
  });

  it('reads the company’s own domain from an address, and none from free mail', () => {
    expect(companyDomain('bob@sales.initech.com')).toBe('initech.com');
    expect(companyDomain('aino@anadolu-lojistik.com.tr')).toBe('anadolu-lojistik.com.tr');
    expect(companyDomain('ops@eu.anadolu-lojistik.com.tr')).toBe('anadolu-lojistik.com.tr');
    expect(companyDomain('someone@gmail.com')).toBeNull();
    expect(companyDomain('someone@hotmail.com.tr')).toBeNull();
    expect(companyDomain('not an address')).toBeNull();
  });

  it('matches by name, or by a contact at the same company domain', () => {
    const initech = { company: 'Initech Oy', emails: [] };
    expect(sameCompany(initech, { company: 'INITECH', emails: [] })).toBe(true);
    expect(sameCompany({ company: '', emails: ['bob@initech.fi'] }, initech)).toBe(false);
    expect(
      sameCompany(
        { company: '', emails: ['bob@initech.fi'] },
        { company: 'Something else', emails: ['mia@sales.initech.fi'] },
      ),
    ).toBe(true);
  });

  it('does not match different companies, empty names or free-mail contacts', () => {
    expect(
      sameCompany({ company: 'Initech', emails: [] }, { company: 'Initrode', emails: [] }),
    ).toBe(false);
    expect(sameCompany({ company: '', emails: [] }, { company: '', emails: [] })).toBe(false);
    expect(
      sameCompany(
        { company: '', emails: ['bob@gmail.com'] },
        { company: '', emails: ['mia@gmail.com'] },
      ),
    ).toBe(false);
  });
});
