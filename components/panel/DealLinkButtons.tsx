import { request } from '../../messaging/client';
import { t } from '../../i18n/i18n';

interface Props {
  dealId: string;
  /** The key of the thread, profile or conversation the deal is linked to here. */
  linkKey: string;
  onUnlinked(): void;
}

/** Opens the deal on the dashboard, or unlinks it from this thread, profile or conversation. */
export function DealLinkButtons({ dealId, linkKey, onUnlinked }: Props) {
  return (
    <div class="tl-row tl-links">
      <button
        type="button"
        class="tl-link"
        onClick={() => void request({ type: 'dashboard.open', dealId })}
      >
        {t('open_dashboard')}
      </button>
      <button
        type="button"
        class="tl-link"
        onClick={async () => {
          await request({ type: 'link.remove', key: linkKey });
          onUnlinked();
        }}
      >
        {t('unlink')}
      </button>
    </div>
  );
}
