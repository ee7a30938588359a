import { t } from '../../i18n/i18n';
import type { OwnerScope } from './use-owner-scope';

interface Props {
  scope: OwnerScope;
  onScope(scope: OwnerScope): void;
  /** A list of its own on the page (the board's filters, the deal list) names its radios. */
  name: string;
}

/** "Mine" or "Team": drawn only once the rep is in a team (the caller decides). */
export function OwnerScopeChoice({ scope, onScope, name }: Props) {
  return (
    <span class="owner-scope" role="radiogroup" aria-label={t('owner_scope')}>
      {(['mine', 'team'] as const).map((s) => (
        <label key={s}>
          <input type="radio" name={name} checked={scope === s} onChange={() => onScope(s)} />{' '}
          {t(`owner_scope_${s}`)}
        </label>
      ))}
    </span>
  );
}
