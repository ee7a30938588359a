import type { Deal, Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { DealTable } from '../DealTable';
import { OwnerScopeChoice } from './OwnerScopeChoice';
import { repsOwnerName } from '../../domain/owners';
import { inScope, useOwnerScope } from './use-owner-scope';

interface Props {
  deals: Deal[];
  settings: Settings;
  now: number;
}

/** Every deal, in a team the rep's own or the whole team's (the same choice as the board's). */
export function DealList({ deals, settings, now }: Props) {
  const [scope, setScope] = useOwnerScope();
  // In a team, or after leaving one (a teammate's deals stay, under "Team").
  const rep = repsOwnerName(settings);
  const shown = rep ? deals.filter((deal) => inScope(deal, scope, rep)) : deals;
  return (
    <section aria-labelledby="deals-heading">
      <h2 id="deals-heading">{t('deals_heading')}</h2>
      {rep && (
        <div class="filters">
          <OwnerScopeChoice scope={scope} onScope={setScope} name="deals-owner" />
        </div>
      )}
      <DealTable deals={shown} settings={settings} now={now} />
    </section>
  );
}
