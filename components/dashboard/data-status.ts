import { RequestError } from '../../messaging/client';
import type { FileProgress } from '../../messaging/file-client';
import { FILE_CHUNK_CHARS } from '../../messaging/file-port';
import { StorageError, isQuotaExceeded } from '../../storage/errors';
import { t } from '../../i18n/i18n';

/** The line under "Your data"'s buttons: what the last restore, import or export came to. */
export type DataStatus = { kind: 'ok' | 'error' | 'progress'; text: string } | null;

/**
 * Why a restore or an import failed, in the rep's language: a full disk says what to do;
 * anything else nobody foresaw is named by its kind. Either way the transaction took nothing.
 */
export function whyFailed(error: unknown): string {
  if (
    isQuotaExceeded(error) ||
    ((error instanceof StorageError || error instanceof RequestError) &&
      error.code === 'storage-full')
  )
    return t('storage_full');
  console.error('Threadline: restore or import failed', error);
  // The worker names the kind of error it met; the page only knows it as a refused request.
  const kind = error instanceof RequestError ? error.details.name : undefined;
  if (typeof kind === 'string') return t('failure_unexpected', kind);
  return t('failure_unexpected', error instanceof Error ? error.name : typeof error);
}

/** Megabytes, whole, as the progress line counts them. */
const megabytes = (chars: number) => String(Math.round(chars / (1024 * 1024)));

/** How much of a file larger than one chunk the worker has received, on the status line. */
export function showProgress(setStatus: (status: DataStatus) => void): FileProgress {
  return (received, total) => {
    if (total <= FILE_CHUNK_CHARS) return;
    setStatus({
      kind: 'progress',
      text: t('file_progress', [megabytes(received), megabytes(total)]),
    });
  };
}
