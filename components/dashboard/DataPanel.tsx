import { useState } from 'preact/hooks';
import {
  BACKUP_VERSION,
  checkBackup,
  exportBackup,
  restoreBackup,
  type BackupProblem,
} from '../../storage/backup';
import {
  CSV_FIELDS,
  CSV_HEADERS,
  checkCsv,
  exportDealsCsv,
  importDealsCsv,
  previewCsv,
  type CsvField,
  type CsvPreview,
  type CsvProblem,
} from '../../storage/csv';
import type { StoreContext } from '../../storage/db';
import { exportObjectionsCsv } from '../../storage/objections-csv';
import { StorageError, isQuotaExceeded } from '../../storage/errors';
import { plural, t } from '../../i18n/i18n';
import { download, today } from './download';

/** A refused backup's problem in the rep's language: the line, and the table, row and field. */
function describeBackupProblem(problem: BackupProblem): string {
  const line = problem.line === null ? '?' : String(problem.line);
  const parts = [
    line,
    problem.table ?? '',
    String(problem.row ?? ''),
    problem.field ?? '',
    String(problem.other ?? ''),
    String(problem.version ?? ''),
    String(BACKUP_VERSION),
  ];
  return t(`backup_problem_${problem.code.replace(/-/g, '_')}`, parts);
}

/**
 * Why a restore or an import failed, in the rep's language: a full disk says what to do;
 * anything else nobody foresaw is named by its kind. Either way the transaction took nothing.
 */
function whyFailed(error: unknown): string {
  if (isQuotaExceeded(error) || (error instanceof StorageError && error.code === 'storage-full'))
    return t('storage_full');
  console.error('Threadline: restore or import failed', error);
  return t('failure_unexpected', error instanceof Error ? error.name : typeof error);
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Backup and CSV, in and out. Every import is checked whole before anything is written. */
export function DataPanel({ ctx }: { ctx: StoreContext }) {
  const [status, setStatus] = useState<Status>(null);
  const [csv, setCsv] = useState<{
    text: string;
    preview: CsvPreview;
    mapping: Partial<Record<CsvField, number>>;
  } | null>(null);
  const [problems, setProblems] = useState<CsvProblem[]>([]);

  const onBackupFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus(null);
    try {
      // Read and checked once; what is restored is what was checked.
      const checked = checkBackup(await file.text());
      if (checked.problem !== null)
        return setStatus({
          kind: 'error',
          text: t('backup_refused', describeBackupProblem(checked.problem)),
        });
      if (!confirm(t('backup_replace_confirm'))) return;
      await restoreBackup(ctx, checked.rows);
      setStatus({ kind: 'ok', text: t('backup_restored') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('restore_failed', whyFailed(error)) });
    }
  };

  const onCsvFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus(null);
    setProblems([]);
    try {
      const text = await file.text();
      const preview = previewCsv(text);
      setCsv({ text, preview, mapping: preview.mapping });
    } catch (error) {
      setCsv(null);
      setStatus({ kind: 'error', text: t('csv_failed', whyFailed(error)) });
    }
  };

  const importCsv = async () => {
    if (!csv) return;
    setStatus(null);
    try {
      const check = await checkCsv(ctx, csv.text, csv.mapping);
      setProblems(check.problems);
      if (check.problems.length > 0)
        return setStatus({ kind: 'error', text: t('csv_refused', String(check.problems.length)) });
      const count = await importDealsCsv(ctx, csv.text, csv.mapping);
      setCsv(null);
      setStatus({ kind: 'ok', text: plural('csv_imported', count) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('csv_failed', whyFailed(error)) });
    }
  };

  return (
    <section class="data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('data_heading')}</h2>
      <p class="hint">{t('data_hint')}</p>
      <div class="row">
        <button
          type="button"
          onClick={async () =>
            download(`threadline-backup-${today()}.json`, await exportBackup(ctx))
          }
        >
          {t('backup_export')}
        </button>
        <label class="file">
          {t('backup_import')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onBackupFile((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
        <button
          type="button"
          onClick={async () =>
            download(`threadline-deals-${today()}.csv`, await exportDealsCsv(ctx), 'text/csv')
          }
        >
          {t('csv_export')}
        </button>
        <button
          type="button"
          onClick={async () =>
            download(
              `threadline-objections-${today()}.csv`,
              await exportObjectionsCsv(ctx),
              'text/csv',
            )
          }
        >
          {t('export_objections_csv')}
        </button>
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

      {csv && (
        <div class="csv-preview">
          <h3>{t('csv_preview')}</h3>
          <table>
            <thead>
              <tr>
                {csv.preview.headers.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {csv.preview.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('csv_mapping')}</h3>
          <div class="mapping">
            {CSV_FIELDS.filter((f) => f !== 'owner').map((field) => (
              <label key={field}>
                <span>{CSV_HEADERS[field]}</span>
                <select
                  value={csv.mapping[field] === undefined ? '' : String(csv.mapping[field])}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value;
                    const mapping = { ...csv.mapping };
                    if (value === '') delete mapping[field];
                    else mapping[field] = Number(value);
                    setCsv({ ...csv, mapping });
                  }}
                >
                  <option value="">{t('csv_not_imported')}</option>
                  {csv.preview.headers.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <button type="button" class="primary" onClick={() => void importCsv()}>
            {t('csv_check_import')}
          </button>
        </div>
      )}

      {problems.length > 0 && (
        <table class="problems" aria-label={t('csv_problems')}>
          <thead>
            <tr>
              <th scope="col">{t('csv_line')}</th>
              <th scope="col">{t('csv_field')}</th>
              <th scope="col">{t('csv_problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.line}</td>
                <td>{p.field}</td>
                <td>
                  {t(`csv_problem_${p.code.replace(/-/g, '_')}`)}
                  {p.detail && <q class="value">{p.detail}</q>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
