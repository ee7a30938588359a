import { useState } from 'preact/hooks';
import { request, RequestError } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import type { ContactInput, LinkInput } from '../../storage/inputs';
import { t } from '../../i18n/i18n';
import { ErrorLine } from './ErrorLine';
import { SimilarDealNotice, namesSimilarDeal } from './SimilarDealNotice';

export interface DealPrefill {
  title: string;
  company: string;
  contact: ContactInput | null;
}

interface Props {
  prefill: DealPrefill;
  link: LinkInput;
  onCreated(view: DealView): void;
  onCancel(): void;
}

const field = (label: string, input: preact.JSX.Element) => (
  <label class="tl-field">
    <span>{label}</span>
    {input}
  </label>
);

/** A new deal prefilled from the page, editable before it is saved, linked on save. */
export function CreateDealForm({ prefill, link, onCreated, onCancel }: Props) {
  const [title, setTitle] = useState(prefill.title);
  const [company, setCompany] = useState(prefill.company);
  const [value, setValue] = useState('');
  const [name, setName] = useState(prefill.contact?.name ?? '');
  const [email, setEmail] = useState(prefill.contact?.email ?? '');
  const [error, setError] = useState<string | null>(null);
  // In a team, the refusal that names the company's open deal and its owner.
  const [similar, setSimilar] = useState<RequestError | null>(null);

  const save = async () => {
    setError(null);
    const contact =
      name.trim() || email.trim()
        ? [{ ...prefill.contact, name: name.trim(), email: email.trim() || null }]
        : [];
    try {
      const view = await request({
        type: 'deal.create',
        input: {
          title,
          company,
          value: value ? Number(value) : 0,
          newContacts: contact,
          links: [link],
        },
        // Warned of the company's open deal, the rep creates this one anyway.
        confirm: !!similar,
      });
      onCreated(view);
    } catch (e) {
      if (namesSimilarDeal(e)) setSimilar(e);
      else setError(e instanceof RequestError ? e.message : String(e));
    }
  };

  const text = (value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <input
      type="text"
      value={value}
      onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      {...extra}
    />
  );

  return (
    <form
      class="tl-form tl-create"
      aria-label={t('create_deal')}
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      {field(t('deal_title'), text(title, setTitle, { required: true, maxLength: 500 }))}
      {field(t('deal_company'), text(company, setCompany, { maxLength: 300 }))}
      {field(
        t('deal_value'),
        text(value, setValue, { inputMode: 'decimal', pattern: '[0-9]*([.][0-9]+)?' }),
      )}
      {field(t('contact_name'), text(name, setName, { maxLength: 300 }))}
      {field(t('contact_email'), text(email, setEmail, { type: 'email', maxLength: 320 }))}
      {similar && <SimilarDealNotice refusal={similar} />}
      <div class="tl-row">
        <button type="submit">{t(similar ? 'similar_create_anyway' : 'create_deal_save')}</button>
        <button type="button" class="tl-secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <ErrorLine message={error} />
    </form>
  );
}
