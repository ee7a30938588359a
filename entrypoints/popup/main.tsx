import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { money, relativeTime } from '../../components/format';
import { t, uiLanguage } from '../../i18n/i18n';
import { syncDisplayPrefs } from '../../components/display-prefs-client';
import { applyPageTheme } from '../../components/hooks/use-page-display';
import { request } from '../../messaging/client';
import { subscribeToChanges } from '../../messaging/changes';
import type { DueDeal } from '../../storage/queries';
import './style.css';

const DAY = 86_400_000;

/** What is overdue and due now, most urgent first, with the next step at hand. */
function Popup() {
  const [due, setDue] = useState<DueDeal[] | null>(null);
  useEffect(() => {
    // The language and theme may change in the dashboard while the popup is open.
    const load = () =>
      void Promise.all([request({ type: 'due.list' }), showInChosenLanguageAndTheme()]).then(
        ([deals]) => setDue(deals),
      );
    load();
    return subscribeToChanges(load);
  }, []);

  if (!due) return <p class="hint">…</p>;
  const now = Date.now();
  return (
    <main>
      <header>
        <h1>{t('popup_title')}</h1>
        <button
          type="button"
          class="link"
          onClick={() => void request({ type: 'dashboard.open' }).then(() => window.close())}
        >
          {t('open_dashboard')}
        </button>
      </header>
      {due.length === 0 ? (
        <p class="hint">{t('popup_nothing_due')}</p>
      ) : (
        <ul class="due-list">
          {due.map(({ deal, state }) => (
            <DueItem key={deal.id} deal={deal} state={state} now={now} />
          ))}
        </ul>
      )}
    </main>
  );
}

/** One deal that wants a follow-up: open its thread or profile, snooze it a day, or mark it done. */
function DueItem({ deal, state, now }: DueDeal & { now: number }) {
  return (
    <li class={`due-item ${state}`} data-deal-id={deal.id}>
      <button
        type="button"
        class="open"
        onClick={() =>
          void request({ type: 'deal.open', dealId: deal.id }).then(() => window.close())
        }
      >
        <span class="title">{deal.title}</span>
        <span class="meta">
          <span class="state">{t(`cadence_${state}`)}</span>
          {deal.company && ` · ${deal.company}`}
          {deal.value > 0 && ` · ${money(deal.value, deal.currency)}`}
          {deal.lastTouchAt !== null &&
            ` · ${t('last_touch_ago', relativeTime(deal.lastTouchAt, now))}`}
          {deal.followUpCount > 0 && ` · ${t('follow_up_n', String(deal.followUpCount))}`}
        </span>
      </button>
      <div class="actions">
        <button
          type="button"
          onClick={() => void request({ type: 'deal.snooze', dealId: deal.id, until: now + DAY })}
        >
          {t('snooze_days', '1')}
        </button>
        <button
          type="button"
          onClick={() =>
            void request({
              type: 'touch.record',
              input: {
                dealId: deal.id,
                channel: 'note',
                direction: 'outbound',
                at: Date.now(),
                note: t('popup_done_note'),
              },
            })
          }
        >
          {t('popup_done')}
        </button>
      </div>
    </li>
  );
}

/** Takes on the rep's language and theme; the browser's and the system's if unreadable. */
async function showInChosenLanguageAndTheme(): Promise<void> {
  try {
    const { prefs } = await syncDisplayPrefs();
    applyPageTheme(prefs.theme);
  } catch (error) {
    console.warn('Threadline: could not read the language and theme settings', error);
  }
  document.documentElement.lang = uiLanguage();
}

void showInChosenLanguageAndTheme().then(() => render(<Popup />, document.getElementById('app')!));
