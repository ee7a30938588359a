import { useState } from 'preact/hooks';
import type { StoreContext } from '../../storage/db';
import { t } from '../../i18n/i18n';
import { BackupControls } from './BackupControls';
import { DealsCsvExportButton, ObjectionsCsvExportButton } from './CsvExportButtons';
import { CsvImportPreview } from './CsvImportPreview';
import { CsvProblems } from './CsvProblems';
import type { DataStatus } from './data-status';
import { useCsvImport } from './use-csv-import';

/** Backup and CSV, in and out. Every import is checked whole before anything is written. */
export function DataPanel({ ctx }: { ctx: StoreContext }) {
  const [status, setStatus] = useState<DataStatus>(null);
  const { csv, setCsv, problems, onCsvFile, importCsv } = useCsvImport(setStatus);

  return (
    <section class="data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('data_heading')}</h2>
      <p class="hint">{t('data_hint')}</p>
      <div class="row">
        <BackupControls ctx={ctx} setStatus={setStatus} />
        <DealsCsvExportButton ctx={ctx} />
        <ObjectionsCsvExportButton ctx={ctx} />
        <label class="file">
          {t('csv_import')}
          <input
            type="file"
            accept="text/csv,.csv"
            onChange={(e) => void onCsvFile((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
      </div>

      {status && (
        <p class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}

      {csv && <CsvImportPreview csv={csv} setCsv={setCsv} onImport={() => void importCsv()} />}

      {problems.length > 0 && <CsvProblems problems={problems} />}
    </section>
  );
}
