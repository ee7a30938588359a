import browser from 'webextension-polyfill';
import { checkCsv } from '../storage/csv';
import { importDealsCsv } from '../storage/csv-import';
import type { StoreContext } from '../storage/db';
import {
  StorageError,
  describeZodError,
  isQuotaExceeded,
  storageFullError,
} from '../storage/errors';
import { restoreBackupText } from '../storage/restore';
import {
  FILE_PORT,
  pageFileMessageSchema,
  type FileKind,
  type WorkerFileMessage,
} from '../messaging/file-port';
import { isAllowedSender, originOf, type SenderFacts } from '../messaging/sender';
import { refusal, takeMessage, type FileArrival } from './file-arrival';

/** The part of a runtime port the import uses (tests hand it one made in memory). */
export interface FilePort {
  readonly sender?: SenderFacts;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** A failure as the page hears it: a full disk by its code, anything else by its kind. */
function failed(error: unknown): WorkerFileMessage {
  if (isQuotaExceeded(error)) error = storageFullError();
  if (!(error instanceof StorageError))
    console.error('Threadline: restore or import failed', error);
  const name = error instanceof Error ? error.name : typeof error;
  const code = error instanceof StorageError ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'failed', error: { code, message, name } };
}

/**
 * Restores a backup or imports a CSV with the same checks as ever: the whole file checked
 * first, refused whole with its problems named, else written in one transaction.
 */
export async function writeFile(
  ctx: StoreContext,
  file: FileKind,
  text: string,
): Promise<WorkerFileMessage> {
  try {
    if (file.kind === 'backup') {
      const problem = await restoreBackupText(ctx, text);
      if (problem !== null) return { type: 'backup-refused', problem } as const;
      return { type: 'restored' } as const;
    }
    const { problems } = await checkCsv(ctx, text, file.mapping);
    if (problems.length > 0) return { type: 'csv-refused', problems } as const;
    return { type: 'imported', count: await importDealsCsv(ctx, text, file.mapping) } as const;
  } catch (error) {
    return failed(error);
  }
}

/**
 * Serves one page's file port: takes the file chunk by chunk, acknowledging each, and writes
 * it once it is all there. A port that closes before then leaves nothing written.
 */
export function serveFilePort(port: FilePort, ctx: StoreContext): void {
  let arrival: FileArrival | null = null;
  let open = true;
  const answer = (message: WorkerFileMessage) => {
    if (open) port.postMessage(message);
  };
  port.onDisconnect.addListener(() => {
    open = false;
    arrival = null;
  });
  port.onMessage.addListener((raw) => {
    if (!open) return;
    const read = pageFileMessageSchema.safeParse(raw);
    const taken = read.success
      ? takeMessage(arrival, read.data)
      : refusal(describeZodError('file', read.error));
    arrival = taken.arrival;
    const { step } = taken;
    if (step.kind === 'received') answer({ type: 'received', chars: step.chars });
    else if (step.kind === 'complete') void writeFile(ctx, step.file, step.text).then(answer);
    else if (step.kind === 'refused') {
      answer({ type: 'failed', error: { code: 'malformed', message: step.reason, name: 'Error' } });
      open = false;
      port.disconnect();
    }
  });
}

/**
 * Whether a port comes from one of the extension's own pages: a backup or a CSV is handed
 * over from "Your data" only, never from a content script on Gmail or LinkedIn.
 */
export function fromOwnPage(sender: SenderFacts, ownId: string, ownOrigin: string): boolean {
  return isAllowedSender(sender, ownId, ownOrigin) && originOf(sender.url ?? '') === ownOrigin;
}

/** Answers the file port, for the extension's own pages only. */
export function startFileImport(ctx: StoreContext, ownOrigin: string): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== FILE_PORT) return;
    if (!fromOwnPage(port.sender ?? {}, browser.runtime.id, ownOrigin)) {
      port.disconnect();
      return;
    }
    serveFilePort(port, ctx);
  });
}
