import { useEffect, useState } from 'preact/hooks';
import type { StageDefinition } from '../../domain/types';
import { request } from '../../messaging/client';
import type { SettingsPatchInput } from '../../storage/inputs';
import type { Settings } from '../../storage/schemas';
import { t } from '../../i18n/i18n';
import { TeamSyncSection } from './TeamSync';
import { writeErrorText } from './write-error';

interface Props {
  settings: Settings;
}

/** Each language by its own name, whatever the UI speaks: the one a reader can find. */
const LANGUAGE_NAMES = { en: 'English', tr: 'Türkçe', fi: 'Suomi' } as const;
const THEMES = ['auto', 'light', 'dark'] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The stage editor, the follow-up rules, and the language and theme. */
export function SettingsPanel({ settings }: Props) {
  const [stages, setStages] = useState<StageDefinition[]>(settings.stages);
  const [movesTo, setMovesTo] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setStages(settings.stages), [settings.stages]);

  const removed = settings.stages.filter((s) => !stages.some((kept) => kept.id === s.id));
  const change = (index: number, patch: Partial<StageDefinition>) =>
    setStages(stages.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const swap = (index: number, other: number) => {
    if (other < 0 || other >= stages.length) return;
    const next = [...stages];
    [next[index], next[other]] = [next[other]!, next[index]!];
    setStages(next);
  };

  const save = async () => {
    try {
      await request({ type: 'pipeline.save', input: { stages, movesTo } });
      setMessage({ kind: 'ok', text: t('settings_saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: writeErrorText(error) });
    }
  };

  // A refused change (a full disk, say) leaves the settings as they were and says why.
  const updateSettings = (patch: SettingsPatchInput) =>
    request({ type: 'settings.update', patch }).then(
      () => undefined,
      (e: unknown) => setMessage({ kind: 'error', text: writeErrorText(e) }),
    );
  const setCadence = (patch: Partial<Settings['cadence']>) =>
    void updateSettings({ cadence: { ...settings.cadence, ...patch } });
  const setDisplay = (patch: Partial<Pick<Settings, 'language' | 'theme'>>) =>
    void updateSettings(patch);

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings_heading')}</h2>

      <h3>{t('settings_stages')}</h3>
      <ol class="stage-editor">
        {stages.map((stage, index) => (
          <li key={stage.id} class="stage-row">
            <label>
              <span>{t('settings_stage_name', String(index + 1))}</span>
              <input
                type="text"
                value={stage.name}
                maxLength={100}
                onInput={(e) =>
                  change(index, { name: (e.currentTarget as HTMLInputElement).value })
                }
              />
            </label>
            <label>
              <span>{t('settings_stage_entry')}</span>
              <input
                type="text"
                value={stage.entry}
                maxLength={2000}
                onInput={(e) =>
                  change(index, { entry: (e.currentTarget as HTMLInputElement).value })
                }
              />
            </label>
            <label>
              <span>{t('settings_stage_exit')}</span>
              <textarea
                value={stage.exitChecklist.map((i) => i.text).join('\n')}
                onChange={(e) =>
                  change(index, {
                    exitChecklist: lines((e.currentTarget as HTMLTextAreaElement).value).map(
                      (text, n) => ({
                        id:
                          stage.exitChecklist.find((item) => item.text === text)?.id ??
                          `${stage.id}.${Date.now().toString(36)}${n}`,
                        text,
                      }),
                    ),
                  })
                }
              />
            </label>
            <div class="row">
              <button
                type="button"
                aria-label={t('settings_move_up', stage.name)}
                onClick={() => swap(index, index - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('settings_move_down', stage.name)}
                onClick={() => swap(index, index + 1)}
              >
                ↓
              </button>
              <button type="button" onClick={() => setStages(stages.filter((_, i) => i !== index))}>
                {t('settings_remove_stage', stage.name)}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          setStages([
            ...stages,
            {
              id: `stage-${Date.now().toString(36)}`,
              name: t('settings_new_stage'),
              entry: '',
              exitChecklist: [],
              bantGate: false,
            },
          ])
        }
      >
        {t('settings_add_stage')}
      </button>
      {removed.map((stage) => (
        <label key={stage.id} class="move-to">
          <span>{t('settings_move_deals_of', stage.name)}</span>
          <select
            value={movesTo[stage.id] ?? ''}
            onChange={(e) =>
              setMovesTo({ ...movesTo, [stage.id]: (e.currentTarget as HTMLSelectElement).value })
            }
          >
            <option value="">—</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('settings_save_pipeline')}
        </button>
      </div>
      {message && (
        <p class={`status ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      <h3>{t('settings_follow_ups')}</h3>
      <div class="cadence-settings">
        <label>
          <span>{t('settings_due_after')}</span>
          <input
            type="number"
            min={1}
            max={60}
            value={settings.cadence.dueAfterDays}
            onChange={(e) =>
              setCadence({ dueAfterDays: Number((e.currentTarget as HTMLInputElement).value) })
            }
          />
        </label>
        <label>
          <span>{t('settings_overdue_after')}</span>
          <input
            type="number"
            min={1}
            max={90}
            value={settings.cadence.overdueAfterDays}
            onChange={(e) =>
              setCadence({ overdueAfterDays: Number((e.currentTarget as HTMLInputElement).value) })
            }
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.cadence.businessDays}
            onChange={(e) =>
              setCadence({ businessDays: (e.currentTarget as HTMLInputElement).checked })
            }
          />
          {t('settings_business_days')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) =>
              void updateSettings({
                notifications: (e.currentTarget as HTMLInputElement).checked,
              })
            }
          />
          {t('settings_notifications')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.linkedinAutoLink === true}
            onChange={(e) =>
              void updateSettings({
                linkedinAutoLink: (e.currentTarget as HTMLInputElement).checked,
              })
            }
          />
          {t('settings_linkedin_autolink')}
        </label>
      </div>

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

      <TeamSyncSection />
    </section>
  );
}
