import { StorageError, isQuotaExceeded } from '../../storage/errors';
import { t } from '../../i18n/i18n';

/** The line under "Your data"'s buttons: what the last restore, import or export came to. */
export type DataStatus = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Why a restore or an import failed, in the rep's language: a full disk says what to do;
 * anything else nobody foresaw is named by its kind. Either way the transaction took nothing.
 */
export function whyFailed(error: unknown): string {
  if (isQuotaExceeded(error) || (error instanceof StorageError && error.code === 'storage-full'))
    return t('storage_full');
  console.error('Threadline: restore or import failed', error);
  return t('failure_unexpected', error instanceof Error ? error.name : typeof error);
}
