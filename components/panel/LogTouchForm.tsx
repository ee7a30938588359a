import { useState } from 'preact/hooks';
import type { Channel, Direction } from '../../domain/types';
import type { Request } from '../../messaging/requests';
import { t } from '../../i18n/i18n';

// A call is the rep reaching out; a meeting means they showed up, which answers the
// follow-ups; a note is the rep's own.
const MANUAL_TOUCHES: { channel: Channel; direction: Direction }[] = [
  { channel: 'call', direction: 'outbound' },
  { channel: 'meeting', direction: 'inbound' },
  { channel: 'note', direction: 'outbound' },
];

/**
 * The touch the rep is logging by hand. It lives with the button that folds the form away, so
 * a half-written note survives folding; it is cleared once logged.
 */
export function useTouchDraft(
  dealId: string,
  send: (message: Extract<Request, { type: 'touch.record' }>) => Promise<unknown>,
  onDone: () => void,
) {
  const [channel, setChannel] = useState<Channel>('call');
  const [note, setNote] = useState('');
  const save = async () => {
    const kind = MANUAL_TOUCHES.find((m) => m.channel === channel)!;
    await send({
      type: 'touch.record',
      input: { dealId, channel, direction: kind.direction, at: Date.now(), note },
    });
    setNote('');
    onDone();
  };
  return { channel, setChannel, note, setNote, save };
}

/** A call, meeting or note logged by hand, with what was said. */
export function LogTouchForm({ draft }: { draft: ReturnType<typeof useTouchDraft> }) {
  return (
    <form class="tl-form" onSubmit={(e) => (e.preventDefault(), void draft.save())}>
      <label class="tl-field">
        <span>{t('touch_channel')}</span>
        <select
          value={draft.channel}
          onChange={(e) =>
            draft.setChannel((e.currentTarget as HTMLSelectElement).value as Channel)
          }
        >
          {MANUAL_TOUCHES.map((m) => (
            <option value={m.channel} key={m.channel}>
              {t(`channel_${m.channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="tl-field">
        <span>{t('touch_note')}</span>
        <textarea
          value={draft.note}
          maxLength={10_000}
          onInput={(e) => draft.setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <button type="submit">{t('log_touch_save')}</button>
    </form>
  );
}
