import type { Request } from '../../messaging/requests';
import type { DealView } from '../../storage/deal-view';
import { t } from '../../i18n/i18n';

interface Props {
  dealId: string;
  /** The current stage's exit items the rep has not ticked yet. */
  items: DealView['uncheckedExit'];
  send(message: Extract<Request, { type: 'exit.tick' }>): unknown;
}

/** What is left before the deal can leave its stage; ticking an item checks it off for good. */
export function ExitChecklist({ dealId, items, send }: Props) {
  return (
    <fieldset class="tl-exit">
      <legend>{t('exit_checklist')}</legend>
      {items.map((item) => (
        <label key={item.id} class="tl-check">
          <input
            type="checkbox"
            onChange={() =>
              void send({ type: 'exit.tick', dealId, itemId: item.id, checked: true })
            }
          />
          <span>{item.text}</span>
        </label>
      ))}
    </fieldset>
  );
}
