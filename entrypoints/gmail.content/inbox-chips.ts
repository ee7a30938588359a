import { t } from '../../i18n/i18n';
import { request } from '../../messaging/client';
import { linkKey } from '../../domain/link-key';
import type { LinkChip } from '../../storage/suggestions';
import { queryFirst } from '../../sites/shared/query';
import { readGmailList } from '../../sites/gmail/read-list';
import { GMAIL } from '../../sites/gmail/selectors';

const CHIP_ATTRIBUTE = 'data-threadline-chip';

/**
 * Puts a small stage chip on each inbox row of a linked thread. Rows are re-read when the
 * list changes; the chips are plain text nodes, styled inline (the list is Gmail's DOM).
 */
export async function updateInboxChips(document: Document, account: string): Promise<void> {
  const rows = readGmailList(document);
  if (rows.length === 0) return;
  const keys = rows.map((r) => linkKey({ kind: 'gmail-thread', account, externalId: r.threadId }));
  let chips: Record<string, LinkChip>;
  try {
    chips = await request({ type: 'links.chips', keys });
  } catch {
    return;
  }
  rows.forEach(({ row }, i) => {
    const chip = chips[keys[i]!];
    const existing = row.querySelector(`[${CHIP_ATTRIBUTE}]`);
    const text = chip
      ? chip.status === 'open'
        ? chip.stageName
        : t(`status_${chip.status}`)
      : null;
    if (!text) return existing?.remove();
    if (existing?.textContent === text) return;
    const element = existing ?? document.createElement('span');
    element.setAttribute(CHIP_ATTRIBUTE, chip!.dealId);
    element.setAttribute('title', `Threadline: ${chip!.title}`);
    element.textContent = text;
    element.setAttribute(
      'style',
      'display:inline-block;margin-right:6px;padding:0 6px;border-radius:8px;font-size:11px;line-height:16px;' +
        'background:#e8f0fe;color:#174ea6;vertical-align:middle;max-width:14em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap',
    );
    if (!existing) {
      const subject = queryFirst(row, GMAIL.rowSubject);
      if (subject?.parentElement) subject.parentElement.insertBefore(element, subject);
      else row.appendChild(element);
    }
  });
}

/** The signature of the visible rows, to skip work when the list did not change. */
export function listSignature(document: Document): string {
  return readGmailList(document)
    .map((r) => r.threadId)
    .join(',');
}
