// What a new deal from a thread or profile starts with. The rep edits it before saving;
// nothing is created without their click.

/** Free-mail domains: an address there says nothing about the company. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'hotmail.co.uk',
  'yahoo.co.uk',
  'outlook.fr',
  // Turkey
  'hotmail.com.tr',
  'yandex.com.tr',
  'mynet.com',
  'windowslive.com',
  // Finland
  'suomi24.fi',
  'luukku.com',
  'elisanet.fi',
  'saunalahti.fi',
  'kolumbus.fi',
  'welho.com',
  'dnainternet.net',
]);

/** Second-level labels of country domains such as "com.tr" and "co.uk". */
export const COUNTRY_SECOND_LEVEL = new Set([
  'com',
  'co',
  'org',
  'net',
  'gov',
  'edu',
  'ac',
  'gen',
  'biz',
]);

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function isFreeMail(email: string): boolean {
  return FREE_MAIL.has(domainOf(email));
}

/** "aino@anadolu-lojistik.com.tr" → "Anadolu Lojistik"; "" for free-mail addresses. */
export function companyFromEmail(email: string): string {
  if (isFreeMail(email)) return '';
  const labels = domainOf(email).split('.');
  let name =
    labels.length >= 3 && COUNTRY_SECOND_LEVEL.has(labels.at(-2)!) ? labels.at(-3) : labels.at(-2);
  name ??= labels[0] ?? '';
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1))
    .join(' ');
}

// Reply and forward markers in the languages our reps write in: English, Turkish, Finnish,
// and the common European ones their buyers' mail clients add.
const SUBJECT_PREFIX =
  /^\s*((re|fwd?|fw|aw|wg|tr|sv|vs|vl|ynt|ilt|İlt|İLT|ilet|yanıt)\s*(\[\d+\])?\s*:\s*)+/iu;

/** The subject without "Re:", "Fwd:", "Ynt:", "VS:" and the like. */
export function titleFromSubject(subject: string): string {
  return subject.replace(SUBJECT_PREFIX, '').trim();
}

export interface Participant {
  name: string;
  email: string;
}

/** The first participant from outside the rep's own company. */
export function firstOutsideParticipant(
  participants: readonly Participant[],
  ownEmail: string,
): Participant | undefined {
  const own = domainOf(ownEmail);
  return participants.find(
    (p) => p.email !== ownEmail && (isFreeMail(ownEmail) || domainOf(p.email) !== own),
  );
}

export interface DealDraft {
  title: string;
  company: string;
  contact: Participant | null;
}

/** A new deal from a thread: title from the subject, contact and company from the first outsider. */
export function dealDraftFromThread(
  subject: string,
  participants: readonly Participant[],
  ownEmail: string,
): DealDraft {
  const contact = firstOutsideParticipant(participants, ownEmail) ?? null;
  return {
    title: titleFromSubject(subject),
    company: contact ? companyFromEmail(contact.email) : '',
    contact,
  };
}
