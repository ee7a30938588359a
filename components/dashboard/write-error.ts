import { RequestError } from '../../messaging/client';
import { isQuotaExceeded, StorageError } from '../../storage/errors';
import { t } from '../../i18n/i18n';

/**
 * What the rep reads when a write from a dashboard view fails: a full disk says what to do
 * (free space, download a backup) in the rep's language; a refusal says why.
 */
export function writeErrorText(error: unknown): string {
  if (
    isQuotaExceeded(error) ||
    ((error instanceof StorageError || error instanceof RequestError) &&
      error.code === 'storage-full')
  )
    return t('storage_full');
  return error instanceof Error ? error.message : String(error);
}
