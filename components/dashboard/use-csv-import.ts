import { useState } from 'preact/hooks';
import { sendFile } from '../../messaging/file-client';
import { previewCsv, type CsvField, type CsvPreview, type CsvProblem } from '../../storage/csv';
import { plural, t } from '../../i18n/i18n';
import { showProgress, whyFailed, type DataStatus } from './data-status';

/** A CSV file as read, with its preview and the column each field is taken from. */
export type CsvDraft = {
  text: string;
  preview: CsvPreview;
  mapping: Partial<Record<CsvField, number>>;
};

/**
 * A CSV file read, shown, mapped column by column, then handed to the worker, which checks it
 * whole before any row is written.
 */
export function useCsvImport(setStatus: (status: DataStatus) => void) {
  const [csv, setCsv] = useState<CsvDraft | null>(null);
  const [problems, setProblems] = useState<CsvProblem[]>([]);

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
      const file = { kind: 'csv', mapping: csv.mapping } as const;
      const outcome = await sendFile(file, csv.text, showProgress(setStatus));
      const problems = outcome.type === 'csv-refused' ? outcome.problems : [];
      setProblems(problems);
      if (problems.length > 0)
        return setStatus({ kind: 'error', text: t('csv_refused', String(problems.length)) });
      setCsv(null);
      const count = outcome.type === 'imported' ? outcome.count : 0;
      setStatus({ kind: 'ok', text: plural('csv_imported', count) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('csv_failed', whyFailed(error)) });
    }
  };

  return { csv, setCsv, problems, onCsvFile, importCsv };
}
