import { useState } from 'preact/hooks';
import { request, RequestError } from '../../messaging/client';
import type { DealView } from '../../storage/deal-view';
import { t } from '../../i18n/i18n';
import { ErrorLine } from './ErrorLine';
import { SimilarDealNotice, namesSimilarDeal } from './SimilarDealNotice';
import { SamePersonWarning } from './SamePersonWarning';
import { useSamePerson } from './use-same-person';

export interface ProspectPrefill {
  /** The profile's slug and LinkedIn's member id, as far as the page shows them (at least one). */
  slug: string | null;
  memberId: string | null;
  profileUrl: string;
  name: string;
  headline: string;
  company: string;
  location: string;
}

interface Props {
  prefill: ProspectPrefill;
  onAdded(view: DealView): void;
}

/** A LinkedIn profile as a prospect: prefilled, editable, merged with the same person if known. */
export function AddProspectForm({ prefill, onAdded }: Props) {
  const [fields, setFields] = useState({
    name: prefill.name,
    headline: prefill.headline,
    company: prefill.company,
    location: prefill.location,
  });
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  // In a team, the refusal that names the company's open deal and its owner.
  const [similar, setSimilar] = useState<RequestError | null>(null);
  const same = useSamePerson({
    name: fields.name,
    company: fields.company,
    linkedinUrl: prefill.profileUrl,
    linkedinMemberId: prefill.memberId,
  });

  const save = async (mergeInto: string | null) => {
    setError(null);
    try {
      const contact = {
        ...fields,
        email: null,
        linkedinUrl: prefill.profileUrl,
        linkedinMemberId: prefill.memberId,
      };
      onAdded(
        await request({
          type: 'prospect.add',
          input: { contact, slug: (prefill.slug ?? prefill.memberId)!, mergeInto, notes },
          // Warned of the company's open deal, the rep adds the prospect anyway.
          confirm: !!similar,
        }),
      );
    } catch (e) {
      if (namesSimilarDeal(e)) setSimilar(e);
      else setError(e instanceof RequestError ? e.message : String(e));
    }
  };

  const input = (key: keyof typeof fields, label: string) => (
    <label class="tl-field">
      <span>{label}</span>
      <input
        type="text"
        value={fields[key]}
        maxLength={500}
        onInput={(e) =>
          setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value })
        }
      />
    </label>
  );

  return (
    <form
      class="tl-form tl-create"
      aria-label={t('add_prospect')}
      onSubmit={(e) => (e.preventDefault(), void save(null))}
    >
      {input('name', t('contact_name'))}
      {input('headline', t('contact_headline'))}
      {input('company', t('contact_company'))}
      {input('location', t('contact_location'))}
      <ProfileAndNotes profileUrl={prefill.profileUrl} notes={notes} setNotes={setNotes} />
      {similar && <SimilarDealNotice refusal={similar} />}
      {same ? (
        <SamePersonWarning contact={same.contact} onMerge={() => void save(same.contact.id)} />
      ) : (
        <button type="submit">{t(similar ? 'similar_create_anyway' : 'add_prospect_save')}</button>
      )}
      <ErrorLine message={error} />
    </form>
  );
}

/** The profile's address, as read, and the notes the new deal starts with. */
function ProfileAndNotes(props: { profileUrl: string; notes: string; setNotes(v: string): void }) {
  return (
    <>
      <label class="tl-field">
        <span>{t('profile_address')}</span>
        <input type="url" value={props.profileUrl} readOnly />
      </label>
      <label class="tl-field">
        <span>{t('deal_notes')}</span>
        <textarea
          value={props.notes}
          maxLength={50_000}
          placeholder={t('deal_notes_placeholder')}
          onInput={(e) => props.setNotes((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
    </>
  );
}
