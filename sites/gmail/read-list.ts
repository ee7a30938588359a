import { queryAllFirst, queryFirst } from '../shared/query';
import { threadIdOf } from './ids';
import { GMAIL } from './selectors';

export interface ListRow {
  row: Element;
  /** "thread-f:<decimal>". */
  threadId: string;
}

/** The thread list's rows that carry a thread id. */
export function readGmailList(document: Document): ListRow[] {
  return queryAllFirst(document, GMAIL.listRow).flatMap((row) => {
    const holder = queryFirst(row, GMAIL.rowThreadId);
    const threadId =
      holder &&
      threadIdOf(
        holder.getAttribute('data-thread-id'),
        holder.getAttribute('data-legacy-thread-id'),
      );
    return threadId ? [{ row, threadId }] : [];
  });
}
