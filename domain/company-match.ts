import { COUNTRY_SECOND_LEVEL, domainOf, isFreeMail } from './prefill';

// Two reps can reach one company by different doors: one types "Initech Oy", the other
// "INITECH", a third only has bob@sales.initech.fi. A deal is for the same company as
// another when their names match once case, accents, punctuation and legal forms are set
// aside, or when a contact of each writes from the same company mail domain (free mail says
// nothing about a company).

/** Legal forms and their parts, in the languages the reps' buyers write in. */
const LEGAL_WORDS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'ab',
  'oy',
  'oyj',
  'ky',
  'tmi',
  'as',
  'asa',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'aps',
  // "Anadolu Lojistik San. ve Tic. Ltd. Şti."
  'sti',
  'san',
  'tic',
  've',
]);

/** The words of a company name that tell it apart: "Initech Oy." → "initech". */
export function normalizedCompany(name: string): string {
  const words = name
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // "A.Ş.", "A/S" and "O'Brien" are one word each.
    .replace(/[.'’/]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const kept = words.filter((word) => !LEGAL_WORDS.has(word));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** The domain a company owns, from an address: "bob@sales.initech.com.tr" → "initech.com.tr". */
export function companyDomain(email: string): string | null {
  if (!email.includes('@') || isFreeMail(email)) return null;
  const labels = domainOf(email).split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const keep = labels.length >= 3 && COUNTRY_SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** What the rule compares of a deal: its company's name and its contacts' addresses. */
export interface CompanyFacts {
  company: string;
  emails: readonly string[];
}

/** Whether two deals are for the same company (see the rule above). */
export function sameCompany(a: CompanyFacts, b: CompanyFacts): boolean {
  const name = normalizedCompany(a.company);
  if (name !== '' && name === normalizedCompany(b.company)) return true;
  const domains = new Set(a.emails.map(companyDomain).filter((d) => d !== null));
  return b.emails.some((email) => {
    const domain = companyDomain(email);
    return domain !== null && domains.has(domain);
  });
}
