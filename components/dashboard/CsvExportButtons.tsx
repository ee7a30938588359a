import { exportDealsCsv } from '../../storage/csv';
import type { StoreContext } from '../../storage/db';
import { exportObjectionsCsv } from '../../storage/objections-csv';
import { t } from '../../i18n/i18n';
import { download, today } from './download';

/** Every deal as a spreadsheet row. */
export function DealsCsvExportButton({ ctx }: { ctx: StoreContext }) {
  return (
    <button
      type="button"
      onClick={async () =>
        download(`threadline-deals-${today()}.csv`, await exportDealsCsv(ctx), 'text/csv')
      }
    >
      {t('csv_export')}
    </button>
  );
}

/** Every objection heard, and its answer, as a spreadsheet row. */
export function ObjectionsCsvExportButton({ ctx }: { ctx: StoreContext }) {
  return (
    <button
      type="button"
      onClick={async () =>
        download(`threadline-objections-${today()}.csv`, await exportObjectionsCsv(ctx), 'text/csv')
      }
    >
      {t('export_objections_csv')}
    </button>
  );
}
