import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/i18n';

/** The quiet message when a page does not look as expected, with the manual path below it. */
export function CannotRead({ what, children }: { what: string; children: ComponentChildren }) {
  return (
    <div class="tl-cannot-read">
      <p role="status">{t('cannot_read', what)}</p>
      {children}
    </div>
  );
}
