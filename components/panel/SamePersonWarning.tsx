import type { Contact } from '../../storage/schemas';
import { t } from '../../i18n/i18n';

interface Props {
  contact: Pick<Contact, 'name' | 'company'>;
  onMerge(): void;
}

/**
 * Points out a contact who looks like the same person: merge into them, or add anyway (this
 * sits in the add-prospect form, so "add anyway" submits it).
 */
export function SamePersonWarning({ contact, onMerge }: Props) {
  return (
    <div class="tl-warning" role="alert">
      <p>{t('same_person', [contact.name, contact.company || '—'])}</p>
      <button type="button" onClick={onMerge}>
        {t('merge')}
      </button>
      <button type="submit" class="tl-secondary">
        {t('add_anyway')}
      </button>
    </div>
  );
}
