import { request } from '../../messaging/client';
import { linkKey } from '../../domain/link-key';
import { readGmailAccount } from '../../sites/gmail/read-account';
import type { GmailThread } from '../../sites/gmail/read-thread';
import { watchSends } from '../../sites/gmail/watch-sends';
import { queryFirst } from '../../sites/shared/query';
import { GMAIL } from '../../sites/gmail/selectors';

/**
 * A reply sent in a linked thread counts at once; Gmail's Undo takes it back.
 * `threadOnScreen`: the thread the panel shows, if it could be read.
 */
export function recordReplies(signal: AbortSignal, threadOnScreen: () => GmailThread | undefined) {
  watchSends(signal, {
    async onSend(draftId, form) {
      const thread = threadOnScreen();
      // Only a reply counts for the thread on screen; a new message may go to anyone.
      if (!thread || !queryFirst(form, GMAIL.composeReplyTo)?.getAttribute('value')) return;
      const view = await request({
        type: 'deal.forKey',
        key: linkKey({
          kind: 'gmail-thread',
          account: thread.account,
          externalId: thread.threadId,
        }),
      });
      if (!view) return;
      await request({
        type: 'touch.record',
        input: {
          dealId: view.deal.id,
          channel: 'email',
          direction: 'outbound',
          at: Date.now(),
          sourceKey: `gmail:${thread.account}:draft:${draftId}`,
          pending: true,
        },
      });
    },
    async onCancel(draftId) {
      const account = readGmailAccount(document);
      if (account)
        await request({
          type: 'touch.cancel',
          sourceKey: `gmail:${account}:draft:${draftId}`,
        }).catch(() => {});
    },
  });
}
