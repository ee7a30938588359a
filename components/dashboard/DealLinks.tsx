import { pageForLink } from '../../storage/link-address';
import type { Link } from '../../storage/schemas';
import { t } from '../../i18n/i18n';

/** The deal's threads, conversations and profiles, each opening its page on its own site. */
export function DealLinks({ links }: { links: Link[] }) {
  return (
    <>
      <h3>{t('detail_links')}</h3>
      <ul>
        {links.map((link) => {
          // Only an address rebuilt from the link's ids on its own site; none, no link.
          const page = pageForLink(link);
          const text = `${t(`link_kind_${link.kind.replaceAll('-', '_')}`)}: ${link.label || link.externalId}`;
          return (
            <li key={link.key}>
              {page ? (
                <a href={page} target="_blank" rel="noreferrer">
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
