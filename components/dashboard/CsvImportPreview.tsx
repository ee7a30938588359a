import { CSV_FIELDS, CSV_HEADERS, type CsvField } from '../../storage/csv';
import { t } from '../../i18n/i18n';
import type { CsvDraft } from './use-csv-import';

interface Props {
  csv: CsvDraft;
  setCsv: (csv: CsvDraft) => void;
  onImport: () => void;
}

/** Which column of the file fills which field; "not imported" leaves the field out. */
function CsvMapping({ csv, setCsv }: Omit<Props, 'onImport'>) {
  const map = (field: CsvField, value: string) => {
    const mapping = { ...csv.mapping };
    if (value === '') delete mapping[field];
    else mapping[field] = Number(value);
    setCsv({ ...csv, mapping });
  };
  return (
    <div class="mapping">
      {CSV_FIELDS.map((field) => (
        <label key={field}>
          <span>{CSV_HEADERS[field]}</span>
          <select
            value={csv.mapping[field] === undefined ? '' : String(csv.mapping[field])}
            onChange={(e) => map(field, (e.currentTarget as HTMLSelectElement).value)}
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
  );
}

/** The file's first rows as read, its column mapping, and the button that checks and imports. */
export function CsvImportPreview({ csv, setCsv, onImport }: Props) {
  return (
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
      <CsvMapping csv={csv} setCsv={setCsv} />
      <button type="button" class="primary" onClick={onImport}>
        {t('csv_check_import')}
      </button>
    </div>
  );
}
