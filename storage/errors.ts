import type { z } from 'zod';

export type StorageErrorCode =
  'invalid' | 'not-found' | 'already-linked' | 'confirm-required' | 'conflict' | 'storage-full';

/** A refused write. The message is meant for the rep; `field` names what was wrong. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** "deal.title: Too small: expected string to have >=1 characters" — the first problem, named. */
export function describeZodError(record: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[record, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
}

export function validated<S extends z.ZodType>(
  record: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const field = [record, ...(result.error.issues[0]?.path.map(String) ?? [])].join('.');
    throw new StorageError('invalid', describeZodError(record, result.error), { field });
  }
  return result.data;
}

/**
 * True when the browser refused a write because the profile's storage is full: a
 * QuotaExceededError, however Dexie wraps it (an aborted transaction's inner error, a bulk
 * operation's failures).
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, inner, cause, failures } = error as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return nested.some((e) => e !== error && isQuotaExceeded(e, depth + 1));
}

/** The refusal for a write the full disk stopped: the transaction took nothing. */
export function storageFullError(): StorageError {
  return new StorageError(
    'storage-full',
    'The browser’s storage is full, so nothing was saved. Free up disk space, download a backup, and try again.',
  );
}

/** Runs a write; a full disk comes out as StorageError('storage-full'), anything else as it was. */
export async function refusingFullDisk<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaExceeded(error) ? storageFullError() : error;
  }
}
