import type { FileKind, PageFileMessage } from '../messaging/file-port';

/** A file on its way in: what it is for, how long the page said it is, the chunks so far. */
export interface FileArrival {
  file: FileKind;
  chars: number;
  parts: readonly string[];
  received: number;
}

/** What one message from the page comes to. */
export type ArrivalStep =
  | { kind: 'received'; chars: number }
  | { kind: 'complete'; file: FileKind; text: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'nothing' };

/** The file so far after one message, and what to do about it. */
export interface Taken {
  arrival: FileArrival | null;
  step: ArrivalStep;
}

/** A file that cannot be put together; what came of it is dropped. */
export function refusal(reason: string): Taken {
  return { arrival: null, step: { kind: 'refused', reason } };
}

/**
 * Puts a file together from the page's messages. Chunks must come in order, after the file
 * was announced, and add up to exactly its announced length; anything else refuses the file
 * whole. Only a complete file is handed on to be written.
 */
export function takeMessage(arrival: FileArrival | null, message: PageFileMessage): Taken {
  switch (message.type) {
    case 'still-here':
      return { arrival, step: { kind: 'nothing' } };
    case 'start':
      if (arrival) return refusal('The file was announced twice');
      return {
        arrival: { file: message.file, chars: message.chars, parts: [], received: 0 },
        step: { kind: 'received', chars: 0 },
      };
    case 'chunk': {
      if (!arrival) return refusal('A part of the file came before the file was announced');
      if (message.index !== arrival.parts.length)
        return refusal(
          `Part ${message.index + 1} came where part ${arrival.parts.length + 1} belongs`,
        );
      const received = arrival.received + message.text.length;
      if (received > arrival.chars) return refusal('The file is longer than announced');
      const parts = [...arrival.parts, message.text];
      return {
        arrival: { ...arrival, parts, received },
        step: { kind: 'received', chars: received },
      };
    }
    case 'end':
      if (!arrival) return refusal('The file ended before it was announced');
      if (arrival.received !== arrival.chars)
        return refusal(`The file ended after ${arrival.received} of ${arrival.chars} characters`);
      return {
        arrival: null,
        step: { kind: 'complete', file: arrival.file, text: arrival.parts.join('') },
      };
  }
}
