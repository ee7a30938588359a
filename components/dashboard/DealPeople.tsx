import type { Contact } from '../../storage/schemas';
import { t } from '../../i18n/i18n';

/** The people on the deal, with their address or headline. */
export function DealPeople({ contacts }: { contacts: Contact[] }) {
  return (
    <>
      <h3>{t('detail_people')}</h3>
      <ul>
        {contacts.map((c) => (
          <li key={c.id}>
            {c.name} {c.email && <small>{c.email}</small>}{' '}
            {c.headline && <small>· {c.headline}</small>}
          </li>
        ))}
      </ul>
    </>
  );
}
