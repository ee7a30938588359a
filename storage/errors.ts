import type { z } from 'zod';

export type StorageErrorCode =
  | 'invalid'
  | 'not-found'
  | 'already-linked'
  | 'confirm-required'
  | 'conflict';

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

export function validated<S extends z.ZodType>(record: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const field = [record, ...(result.error.issues[0]?.path.map(String) ?? [])].join('.');
    throw new StorageError('invalid', describeZodError(record, result.error), { field });
  }
  return result.data;
}
