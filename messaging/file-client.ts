import { browser } from 'wxt/browser';
import { RequestError } from './client';
import {
  FILE_PORT,
  STILL_HERE_MS,
  chunksOf,
  workerFileMessageSchema,
  type FileKind,
  type FileOutcome,
  type PageFileMessage,
} from './file-port';

/** How far a file has got: characters the worker has received, of all of them. */
export type FileProgress = (received: number, total: number) => void;

/**
 * Hands a file to the worker over the file port and returns what came of it: restored,
 * imported, or refused with its problems. One chunk at a time, each sent once the worker has
 * taken the one before. A failed write throws RequestError (its `details.name` names the
 * error's kind); so does a port that closes before the answer, and then nothing was written.
 */
export function sendFile(file: FileKind, text: string, onProgress?: FileProgress) {
  const port = browser.runtime.connect({ name: FILE_PORT });
  const post = (message: PageFileMessage) => port.postMessage(message);
  const chunks = chunksOf(text);
  let next = 0;
  let ended = false;
  return new Promise<FileOutcome>((resolve, reject) => {
    const stillHere = setInterval(() => post({ type: 'still-here' }), STILL_HERE_MS);
    const settle = (done: () => void) => {
      clearInterval(stillHere);
      port.disconnect();
      done();
    };
    port.onMessage.addListener((raw: unknown) => {
      const read = workerFileMessageSchema.safeParse(raw);
      if (!read.success)
        return settle(() => reject(new RequestError('malformed', 'Threadline answered oddly')));
      const message = read.data;
      if (message.type === 'failed') {
        const { code, message: text, name } = message.error;
        return settle(() => reject(new RequestError(code, text, { name })));
      }
      if (message.type !== 'received') return settle(() => resolve(message));
      onProgress?.(message.chars, text.length);
      if (next < chunks.length) post({ type: 'chunk', index: next, text: chunks[next++]! });
      else if (!ended) {
        ended = true;
        post({ type: 'end' });
      }
    });
    port.onDisconnect.addListener(() => {
      clearInterval(stillHere);
      reject(new RequestError('internal', 'Threadline stopped before the file was written'));
    });
    post({ type: 'start', file, chars: text.length });
  });
}
