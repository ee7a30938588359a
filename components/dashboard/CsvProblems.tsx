import type { CsvProblem } from '../../storage/csv';
import { t } from '../../i18n/i18n';

/** Every line a refused import would have got wrong: the line, the field, and what is wrong. */
export function CsvProblems({ problems }: { problems: CsvProblem[] }) {
  return (
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
  );
}
