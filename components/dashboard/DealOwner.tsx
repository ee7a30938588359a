import { useEffect, useState } from 'preact/hooks';
import { currentMembers } from '../../domain/owners';
import type { Deal } from '../../storage/schemas';
import { request } from '../../messaging/client';
import { t } from '../../i18n/i18n';
import type { DealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  /** Who this browser signs in to the team as; null without a team. */
  teamMember: string | null;
  /** The owners of deals here, offered as the rep types when the team has no roster. */
  owners: readonly string[];
  patch: DealWrites['patch'];
}

/**
 * The team's members from its roster (the worker reads it from the team's server); null while
 * unknown, or for a team whose server keeps none.
 */
function useRosterMembers(inTeam: boolean): string[] | null {
  const [members, setMembers] = useState<string[] | null>(null);
  useEffect(() => {
    if (!inTeam) return;
    void request({ type: 'team.status' })
      .then((status) => setMembers(status.roster ? currentMembers(status.roster) : null))
      .catch(() => undefined);
  }, [inTeam]);
  return members;
}

/** Whose deal it is, and, in a team, handing it to another member by name. */
export function DealOwner({ deal, teamMember, owners, patch }: Props) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const members = useRosterMembers(teamMember !== null);
  if (!teamMember && !deal.owner) return null;
  const names = members ?? [teamMember, ...owners];
  const offered = [...new Set(names)].filter((o) => o && o !== deal.owner);
  const handOver = (e: Event) => {
    e.preventDefault();
    const owner = name.trim();
    if (!owner || owner === deal.owner) return;
    // Teammates' browsers set aside a deal whose owner the roster does not list.
    if (members && !members.includes(owner)) return setProblem(t('owner_not_member', owner));
    setProblem(null);
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
      {problem && (
        <p class="status error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
