import type { SettingsPatchInput } from '../../storage/inputs';
import type { Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';

/** Each language by its own name, whatever the UI speaks: the one a reader can find. */
const LANGUAGE_NAMES = { en: 'English', tr: 'Türkçe', fi: 'Suomi' } as const;
const THEMES = ['auto', 'light', 'dark'] as const;

interface Props {
  settings: Settings;
  update: (patch: SettingsPatchInput) => Promise<void>;
}

/** The language and the theme. */
export function DisplaySettings({ settings, update }: Props) {
  const setDisplay = (patch: Partial<Pick<Settings, 'language' | 'theme'>>) => void update(patch);
  return (
    <>
      <h3>{t('settings_display')}</h3>
      <div class="cadence-settings">
        <label>
          <span>{t('settings_language')}</span>
          <select
            value={settings.language}
            onChange={(e) =>
              setDisplay({
                language: (e.currentTarget as HTMLSelectElement).value as Settings['language'],
              })
            }
          >
            <option value="auto">{t('settings_language_auto')}</option>
            {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('settings_theme')}</span>
          <select
            value={settings.theme}
            onChange={(e) =>
              setDisplay({
                theme: (e.currentTarget as HTMLSelectElement).value as Settings['theme'],
              })
            }
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings_theme_${theme}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="hint">{t('settings_theme_hint')}</p>
    </>
  );
}
