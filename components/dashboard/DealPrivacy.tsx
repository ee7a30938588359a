import { request } from '../../messaging/client';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import type { DealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  run: DealWrites['run'];
}

/** Keeps the deal, and all that hangs on it, to this browser: the team never gets it. */
export function DealPrivacy({ deal, run }: Props) {
  return (
    <label class="deal-privacy">
      <input
        type="checkbox"
        name="deal-private"
        checked={deal.private === true}
        onChange={(e) => {
          const keep = (e.currentTarget as HTMLInputElement).checked;
          run(() => request({ type: 'deal.setPrivate', dealId: deal.id, private: keep }))();
        }}
      />
      <span>{t('deal_private_keep')}</span>
      <span class="hint">{t('deal_private_hint')}</span>
    </label>
  );
}

/** The small mark a private deal carries on the board and its page. */
export function PrivateMark({ deal }: { deal: Pick<Deal, 'private'> }) {
  return deal.private ? <span class="private-mark">{t('deal_private_mark')}</span> : null;
}
