import type { BantKey, BantState } from '../../domain/types';
import { request } from '../../messaging/client';
import type { Deal, Objection } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { BantList } from '../panel/BantList';
import { DealActions } from '../panel/DealActions';
import { Objections } from '../panel/Objections';
import type { DealWrites } from './use-deal-writes';
import { writeErrorText } from './write-error';

interface Props {
  deal: Deal;
  objections: Objection[];
  writes: DealWrites;
  now: number;
}

/** The panel's objections, actions and BANT on the deal page, through the same requests. */
export function DealPanelTools({ deal, objections, writes: { run, setError }, now }: Props) {
  return (
    <>
      <Objections
        dealId={deal.id}
        objections={objections}
        send={(write) =>
          request(write).then(
            () => (setError(null), true),
            (e: unknown) => (setError(writeErrorText(e)), false),
          )
        }
        onRemove={(objectionId) => {
          if (confirm(t('objection_remove_confirm')))
            run(() => request({ type: 'objection.delete', objectionId }))();
        }}
        now={now}
      />

      <DealActions
        deal={deal}
        objections={objections}
        send={(action) =>
          request(action).then(
            () => setError(null),
            (e: Error) => setError(e.message),
          )
        }
        now={now}
      />

      <BantList
        deal={deal}
        onChange={(key: BantKey, state: BantState, note?: string) =>
          run(() =>
            request({
              type: 'bant.set',
              input: { dealId: deal.id, key, state, ...(note === undefined ? {} : { note }) },
            }),
          )()
        }
      />
    </>
  );
}
