import type { SettingsPatchInput } from '../../storage/inputs';
import type { Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';

interface Props {
  settings: Settings;
  update: (patch: SettingsPatchInput) => Promise<void>;
}

/** The follow-up rules: when a deal is due and overdue, reminders, and LinkedIn auto-linking. */
export function FollowUpSettings({ settings, update }: Props) {
  const setCadence = (patch: Partial<Settings['cadence']>) =>
    void update({ cadence: { ...settings.cadence, ...patch } });
  const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;
  const number = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  return (
    <>
      <h3>{t('settings_follow_ups')}</h3>
      <div class="cadence-settings">
        <label>
          <span>{t('settings_due_after')}</span>
          <input
            type="number"
            min={1}
            max={60}
            value={settings.cadence.dueAfterDays}
            onChange={(e) => setCadence({ dueAfterDays: number(e) })}
          />
        </label>
        <label>
          <span>{t('settings_overdue_after')}</span>
          <input
            type="number"
            min={1}
            max={90}
            value={settings.cadence.overdueAfterDays}
            onChange={(e) => setCadence({ overdueAfterDays: number(e) })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.cadence.businessDays}
            onChange={(e) => setCadence({ businessDays: checked(e) })}
          />
          {t('settings_business_days')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) => void update({ notifications: checked(e) })}
          />
          {t('settings_notifications')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.linkedinAutoLink === true}
            onChange={(e) => void update({ linkedinAutoLink: checked(e) })}
          />
          {t('settings_linkedin_autolink')}
        </label>
      </div>
    </>
  );
}
