import { request } from '../../messaging/client';
import type { Deal, Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import type { DealWrites } from './use-deal-writes';

interface Props {
  deal: Deal;
  stage: Settings['stages'][number];
  run: DealWrites['run'];
}

/** What must be true before the deal leaves its stage, ticked off one item at a time. */
export function ExitChecklist({ deal, stage, run }: Props) {
  return (
    <fieldset>
      <legend>{t('exit_checklist')}</legend>
      {stage.exitChecklist.map((item) => (
        <label key={item.id} class="check">
          <input
            type="checkbox"
            checked={deal.checkedExitItems.includes(item.id)}
            onChange={(e) =>
              run(() =>
                request({
                  type: 'exit.tick',
                  dealId: deal.id,
                  itemId: item.id,
                  checked: (e.currentTarget as HTMLInputElement).checked,
                }),
              )()
            }
          />
          {item.text}
        </label>
      ))}
    </fieldset>
  );
}
