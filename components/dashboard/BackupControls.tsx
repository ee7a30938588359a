import { sendFile } from '../../messaging/file-client';
import {
  BACKUP_VERSION,
  checkBackup,
  exportBackup,
  type BackupProblem,
} from '../../storage/backup';
import type { StoreContext } from '../../storage/db';
import { t } from '../../i18n/i18n';
import { showProgress, whyFailed, type DataStatus } from './data-status';
import { download, today } from './download';

/** A refused backup's problem in the rep's language: the line, and the table, row and field. */
function refusedText(problem: BackupProblem): string {
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
  return t('backup_refused', t(`backup_problem_${problem.code.replace(/-/g, '_')}`, parts));
}

interface Props {
  ctx: StoreContext;
  setStatus: (status: DataStatus) => void;
}

/**
 * The whole database out to a file, and back in from one once it is checked and confirmed.
 * The worker restores it: the file goes to it over the file port and is checked again there.
 */
export function BackupControls({ ctx, setStatus }: Props) {
  const onBackupFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus(null);
    try {
      const text = await file.text();
      // Checked here too, read only, so that a bad file is refused before the rep is asked.
      const checked = checkBackup(text);
      if (checked.problem !== null)
        return setStatus({ kind: 'error', text: refusedText(checked.problem) });
      if (!confirm(t('backup_replace_confirm'))) return;
      const outcome = await sendFile({ kind: 'backup' }, text, showProgress(setStatus));
      if (outcome.type === 'backup-refused')
        return setStatus({ kind: 'error', text: refusedText(outcome.problem) });
      setStatus({ kind: 'ok', text: t('backup_restored') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('restore_failed', whyFailed(error)) });
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={async () => download(`threadline-backup-${today()}.json`, await exportBackup(ctx))}
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
    </>
  );
}
