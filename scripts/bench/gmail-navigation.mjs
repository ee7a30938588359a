// Gmail: hash change → panel shows the thread's linked deal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../lib/launch.mjs';
import { measurePanelNavigation, measureWithoutExtension } from './panel-navigation.mjs';

/** Pages opened after the worker was stopped, past the timed ones. */
const COLD_RUNS = 10;

const U0 = 'https://mail.google.com/mail/u/0/';
const PERM_ID = 'thread-f:1790123456789012345';
// Gmail's route tokens are written in consonants only: thread n's token spells n in them.
const token = (n) =>
  `FMfcgzQZTnBvxKqLdWfRmPp${String(n)
    .padStart(5, '0')
    .replace(/\d/g, (d) => 'BCDFGHJKLM'[d])}`;

export async function measureGmailNavigation(navigations = 50) {
  const template = readFileSync(join(FIXTURES_DIR, 'gmail/thread.html'), 'utf8');
  // Thread n: the saved thread page under its own thread id, with a deal linked to it.
  const targets = Array.from({ length: 3 + navigations + COLD_RUNS }, (_, n) => {
    const threadId = `thread-f:17901234560000${String(n).padStart(5, '0')}`;
    return {
      to: { hash: `inbox/${token(n)}` },
      html: template.replaceAll(PERM_ID, threadId),
      title: `Bench deal ${n}`,
      link: {
        kind: 'gmail-thread',
        account: 'maria.rep@northwind.fi',
        externalId: threadId,
        label: `Bench deal ${n}`,
      },
    };
  });
  const options = {
    startUrl: `${U0}#inbox`,
    pages: { [U0]: 'gmail/inbox.html' },
    targets,
    script: 'content-scripts/gmail.js',
  };
  const result = await measurePanelNavigation({ ...options, coldRuns: COLD_RUNS });
  // The same navigations (the timed ones) in a browser without the extension.
  const withoutExtension = await measureWithoutExtension({
    ...options,
    targets: targets.slice(3, 3 + navigations),
  });
  return { ...result, withoutExtension };
}
