import { useState } from 'preact/hooks';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import type { DealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  /** Who this browser signs in to the team as; null without a team. */
  teamMember: string | null;
  /** The owners of deals here, offered as the rep types. */
  owners: readonly string[];
  patch: DealWrites['patch'];
}

/** Whose deal it is, and, in a team, handing it to another member by name. */
export function DealOwner({ deal, teamMember, owners, patch }: Props) {
  const [name, setName] = useState('');
  if (!teamMember && !deal.owner) return null;
  const offered = [...new Set([teamMember, ...owners])].filter((o) => o && o !== deal.owner);
  const handOver = (e: Event) => {
    e.preventDefault();
    const owner = name.trim();
    if (!owner || owner === deal.owner) return;
    patch({ owner });
    setName('');
  };
  return (
    <form class="deal-owner" aria-label={t('owner_heading')} onSubmit={handOver}>
      <p>
        {t('owner_heading')}: <strong data-owner>{deal.owner ?? t('owner_none')}</strong>
        {deal.owner !== null && deal.owner === teamMember && ` (${t('owner_you')})`}
      </p>
      {teamMember && (
        <p class="tl-row">
          <label class="field">
            <span>{t('owner_hand_over')}</span>
            <input
              name="owner"
              list="deal-owner-names"
              maxLength={200}
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <datalist id="deal-owner-names">
            {offered.map((owner) => (
              <option key={owner} value={owner!} />
            ))}
          </datalist>
          <button type="submit">{t('owner_hand_over_save')}</button>
        </p>
      )}
    </form>
  );
}
