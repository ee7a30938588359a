import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isRepsDeal } from '../../domain/owners';
import type { Deal } from '../../storage/schemas';

/** The rep's own deals, or the whole team's. */
export type OwnerScope = 'mine' | 'team';

const KEY = 'ownerScope';

/**
 * Whether the board and the deal list show the rep's deals or the team's: "mine" until the
 * rep picks "team", remembered across visits in the extension's storage.
 */
export function useOwnerScope(): [OwnerScope, (scope: OwnerScope) => void] {
  const [scope, setScope] = useState<OwnerScope>('mine');
  useEffect(() => {
    void browser.storage.local.get(KEY).then((stored) => {
      if (stored[KEY] === 'team') setScope('team');
    });
  }, []);
  const choose = (next: OwnerScope) => {
    setScope(next);
    void browser.storage.local.set({ [KEY]: next });
  };
  return [scope, choose];
}

/** Whether a deal is shown under the scope; without a team (no member) every deal is. */
export function inScope(
  deal: Pick<Deal, 'owner'>,
  scope: OwnerScope,
  teamMember: string | null,
): boolean {
  return scope === 'team' || isRepsDeal(deal.owner, teamMember);
}
