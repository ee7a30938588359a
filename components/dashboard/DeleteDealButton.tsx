import { request } from '../../messaging/client';
import type { Deal } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import type { DealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  linkCount: number;
  touchCount: number;
  run: DealWrites['run'];
}

/** Deletes the deal once the rep confirms what goes with it, then returns to the board. */
export function DeleteDealButton({ deal, linkCount, touchCount, run }: Props) {
  return (
    <button
      type="button"
      class="danger"
      onClick={() => {
        if (
          confirm(t('detail_delete_confirm', [deal.title, String(linkCount), String(touchCount)]))
        ) {
          run(async () => {
            await request({ type: 'deal.delete', dealId: deal.id, confirm: true });
            location.hash = 'board';
          })();
        }
      }}
    >
      {t('detail_delete')}
    </button>
  );
}
